package herd.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/** One member's meters, all tagged with its name. */
public final class MemberMeters {

    private final MeterRegistry registry;
    private final String member;

    public MemberMeters(MeterRegistry registry, String member) {
        this.registry = registry;
        this.member = member;
    }

    /** Commands by type ({@code IAMAT}, {@code WHATSAT}) and outcome ({@code ok}, {@code invalid}). */
    public Counter command(String type, String outcome) {
        return Counter.builder("herd.commands").tag("member", member).tag("command", type).tag("outcome", outcome)
                .register(registry);
    }

    /** From a command's arrival to its reply being ready. */
    public Timer replyLatency(String type) {
        return Timer.builder("herd.reply.latency").tag("member", member).tag("command", type)
                .publishPercentileHistogram().register(registry);
    }

    /** From the origin's receipt of an IAMAT to the update's arrival here. */
    public DistributionSummary propagation() {
        return DistributionSummary.builder("herd.propagation.latency").baseUnit("seconds").tag("member", member)
                .publishPercentileHistogram().minimumExpectedValue(1e-5).maximumExpectedValue(60.0).register(registry);
    }

    public void clients(Supplier<Number> count) {
        Gauge.builder("herd.clients", count).tag("member", member).register(registry);
    }

    /** 1 while this member's link to the neighbour is up, else 0; and how often it re-opened. */
    public void link(String neighbour, Supplier<Number> up, Supplier<Number> reconnects) {
        Gauge.builder("herd.peer.link.up", up).tag("member", member).tag("neighbour", neighbour).register(registry);
        Gauge.builder("herd.peer.link.reconnects", reconnects).tag("member", member).tag("neighbour", neighbour)
                .register(registry);
    }

    /** The neighbour was removed from the configuration: its link meters go too. */
    public void unlink(String neighbour) {
        registry.getMeters().stream()
                .filter(meter -> member.equals(meter.getId().getTag("member"))
                        && neighbour.equals(meter.getId().getTag("neighbour")))
                .forEach(registry::remove);
    }

    /** Traffic lines the log dropped because its writer could not keep up ({@code herd_log_dropped_lines_total}). */
    public <T> void logDroppedLines(T log, ToDoubleFunction<T> dropped) {
        // The meter holds the log weakly: the log must be the member's own, not a lambda made here.
        FunctionCounter.builder("herd.log.dropped.lines", log, dropped).tag("member", member).register(registry);
    }

    /** Places calls by provider and answered status, and their latency. */
    public void placesCall(String provider, String status, Duration took) {
        Counter.builder("herd.places.calls").tag("member", member).tag("provider", provider).tag("status", status)
                .register(registry).increment();
        Timer.builder("herd.places.latency").tag("member", member).tag("provider", provider)
                .register(registry).record(took);
    }

    /** Places answers served from the cache, as the provider counts them. */
    public void placesCacheHits(Supplier<Number> hits) {
        FunctionCounter.builder("herd.places.cache.hits", hits, h -> h.get().doubleValue()).tag("member", member)
                .register(registry);
    }

    /** Removes this member's meters, so that a member restarted in the same process starts afresh. */
    public void remove() {
        registry.getMeters().stream()
                .filter(meter -> member.equals(meter.getId().getTag("member")))
                .forEach(registry::remove);
    }
}
