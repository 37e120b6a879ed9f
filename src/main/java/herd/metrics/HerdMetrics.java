package herd.metrics;

import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The process's one metrics registry, scraped in Prometheus format at each member's
 * {@code GET /metrics}: the members' own meters (tagged {@code member}), the JVM's, and
 * Vert.x's pools and sockets when the launcher started Vert.x with metrics.
 */
public final class HerdMetrics {

    private HerdMetrics() {
    }

    public static PrometheusMeterRegistry registry() {
        return Holder.REGISTRY;
    }

    private static final class Holder {
        static final PrometheusMeterRegistry REGISTRY = create();

        private static PrometheusMeterRegistry create() {
            PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            new JvmMemoryMetrics().bindTo(registry);
            new JvmGcMetrics().bindTo(registry);
            new JvmThreadMetrics().bindTo(registry);
            new ProcessorMetrics().bindTo(registry);
            return registry;
        }
    }
}
