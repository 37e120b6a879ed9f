package herd.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * One member's meters, all tagged with its name, in a registry of the member's own: its
 * {@code /metrics} shows its series and the process's JVM meters, not those of other members
 * the same process runs. Gauges are read by whichever thread scrapes, so what they read must
 * be safe from any thread (the member's published status).
 *
 * <p>The meters count from the start, but Prometheus's registry, costly to make in a fresh JVM,
 * is made only once the member listens (see startup.md): until {@link #export} the meters live in
 * a composite registry with nothing under it, and then carry on in the Prometheus registry.
 */
public final class MemberMeters {

    private final CompositeMeterRegistry registry = new CompositeMeterRegistry();
    private final String member;
    /** What the function counters read: they hold it only weakly, so it is held here. */
    private final List<Supplier<Number>> counted = new ArrayList<>();
    private volatile Exported exported;
    /** Refused peer links by reason; the function counters hold them only weakly. */
    private final Map<String, LongAdder> refusals = new ConcurrentHashMap<>();

    private record Exported(PrometheusMeterRegistry own, PrometheusMeterRegistry jvm) {
    }

    public MemberMeters(String member) {
        this.member = member;
    }

    /**
     * From now on the meters are kept in Prometheus form, for {@link #scrape}.
     *
     * @param jvm the process's registry of JVM meters (see {@link HerdMetrics})
     */
    public void export(PrometheusMeterRegistry jvm) {
        PrometheusMeterRegistry own = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.add(own);
        exported = new Exported(own, jvm);
    }

    /** This member's series and the JVM's, in Prometheus text format; empty until {@link #export}. */
    public Optional<String> scrape() {
        Exported now = exported;
        return now == null ? Optional.empty() : Optional.of(now.own().scrape() + now.jvm().scrape());
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

    /** A peer link or a connection to the peer port refused, by reason (security.md, Refusals). */
    public void peerRefused(String reason) {
        refusals.computeIfAbsent(reason, this::refusalCounter).increment();
    }

    /** Kept here and read at each scrape: a refusal before the registry is made (see {@link #export}) still counts. */
    private LongAdder refusalCounter(String reason) {
        LongAdder refused = new LongAdder();
        FunctionCounter.builder("herd.peer.refused", refused, LongAdder::doubleValue)
                .description("Peer links and peer-port connections refused, by reason")
                .tag("member", member).tag("reason", reason).register(registry);
        return refused;
    }

    /** The neighbour was removed from the configuration: its link meters go too. */
    public void unlink(String neighbour) {
        registry.getMeters().stream()
                .filter(meter -> neighbour.equals(meter.getId().getTag("neighbour")))
                .forEach(registry::remove);
    }

    /** Traffic lines the log dropped because its writer could not keep up ({@code herd_log_dropped_lines_total}). */
    public void logDroppedLines(Supplier<Number> dropped) {
        count("herd.log.dropped.lines", dropped);
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
        count("herd.places.cache.hits", hits);
    }

    /** A counter whose total is kept elsewhere and read at each scrape. */
    private void count(String name, Supplier<Number> total) {
        counted.add(total);
        FunctionCounter.builder(name, total, t -> t.get().doubleValue()).tag("member", member).register(registry);
    }

    /** Closes this member's registry: a member restarted in the same process starts afresh. */
    public void remove() {
        registry.close();
        Exported now = exported;
        if (now != null) {
            now.own().close();
        }
    }
}
