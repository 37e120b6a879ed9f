package herd.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The process's registry of JVM meters (memory, GC, threads, CPU, start time) and its build, scraped in Prometheus format
 * at each member's {@code GET /metrics} after the member's own series (see {@link MemberMeters}).
 *
 * <p>Creating it costs a fresh JVM over a tenth of a second (Prometheus's first registry), so it is
 * created on a thread of its own from the first call of {@link #ready()}, which a member makes once
 * it listens: five members started at once on a small machine otherwise spend that CPU before any
 * of them listens.
 */
public final class HerdMetrics {

    private HerdMetrics() {
    }

    /** The registry once created; the first call starts creating it. */
    public static CompletionStage<PrometheusMeterRegistry> ready() {
        return Creation.REGISTRY;
    }

    private static final class Creation {
        static final CompletableFuture<PrometheusMeterRegistry> REGISTRY =
                CompletableFuture.supplyAsync(HerdMetrics::create, task -> {
                    Thread thread = new Thread(task, "herd-metrics");
                    thread.setDaemon(true);
                    thread.start();
                });
    }

    private static PrometheusMeterRegistry create() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        Gauge.builder("herd.build.info", () -> 1).description("The herd build this process runs, and its Java")
                .tag("version", BuildInfo.version()).tag("java", Runtime.version().toString()).register(registry);
        return registry;
    }
}
