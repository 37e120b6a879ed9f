package herd.metrics;

import herd.peer.PeerMesh;
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
import java.util.stream.Stream;

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

    /**
     * Histogram buckets for the herd's range, from a tenth of a millisecond (a reply on loopback)
     * to ten seconds (a provider call at its time-out; a flood behind a partition), rather than
     * Micrometer's 69 defaults.
     */
    static final Duration[] LATENCY_BUCKETS = Stream.of(0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 25.0, 50.0, 100.0, 250.0,
            500.0, 1000.0, 2500.0, 5000.0, 10000.0).map(ms -> Duration.ofNanos((long) (ms * 1e6))).toArray(Duration[]::new);

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
        return Counter.builder("herd.commands").description("Commands received from clients, by type and outcome")
                .tag("member", member).tag("command", type).tag("outcome", outcome).register(registry);
    }

    /** From a command's arrival to its reply being ready. */
    public Timer replyLatency(String type) {
        return Timer.builder("herd.reply.latency")
                .description("From a command's arrival to its reply being ready to send")
                .tag("member", member).tag("command", type).serviceLevelObjectives(LATENCY_BUCKETS).register(registry);
    }

    /** From the origin's receipt of an IAMAT to the update's arrival here. */
    public DistributionSummary propagation() {
        return DistributionSummary.builder("herd.propagation.latency").baseUnit("seconds")
                .description("From the origin member's receipt of an IAMAT to the update's arrival at this member")
                .tag("member", member).serviceLevelObjectives(seconds(LATENCY_BUCKETS)).register(registry);
    }

    public void clients(Supplier<Number> count) {
        Gauge.builder("herd.clients", count).description("Clients whose latest location this member holds")
                .tag("member", member).register(registry);
    }

    /**
     * The table's digest (the top 53 bits of the 64, which a double holds exactly): equal at two
     * members exactly when their tables are, but for a collision.
     */
    public void tableDigest(Supplier<String> hex) {
        Gauge.builder("herd.table.digest", () -> Long.parseUnsignedLong(hex.get(), 16) >>> 11)
                .description("The table's digest, its top 53 bits: equal at two members when their tables are")
                .tag("member", member).register(registry);
    }

    /** The state of this member's link to a neighbour, as its last published status has it. */
    public void link(String neighbour, Supplier<PeerMesh.LinkState> state) {
        linkGauge("herd.peer.link.up", "1 while this member's link to the neighbour is up, else 0", neighbour,
                () -> state.get() != null && state.get().up() ? 1 : 0);
        linkGauge("herd.peer.link.busy", "1 while the member holds its clients until more is sent on the link",
                neighbour, () -> state.get() != null && state.get().busy() ? 1 : 0);
        Supplier<Number> reconnects = () -> state.get() == null ? 0 : state.get().reopenings();
        Supplier<Number> unsent = () -> state.get() == null ? 0 : state.get().unsent();
        count("herd.peer.link.reconnects", "Times the link to the neighbour was opened again after it dropped",
                reconnects, "neighbour", neighbour);
        count("herd.peer.link.unsent", "Updates not sent on the link while it lagged (anti-entropy sent them after)",
                unsent, "neighbour", neighbour);
    }

    private void linkGauge(String name, String description, String neighbour, Supplier<Number> value) {
        Gauge.builder(name, value).description(description).tag("member", member).tag("neighbour", neighbour)
                .register(registry);
    }

    /** A peer link or a connection to the peer port refused, by reason (security.md, Refusals). */
    public void peerRefused(String reason) {
        refusals.computeIfAbsent(reason, this::refusalCounter).increment();
    }

    /** Kept here and read at each scrape: a refusal before the registry is made (see {@link #export}) still counts. */
    private LongAdder refusalCounter(String reason) {
        LongAdder refused = new LongAdder();
        count("herd.peer.refused", "Peer links and peer-port connections refused, by reason", refused::sum,
                "reason", reason);
        return refused;
    }

    /** The neighbour was removed from the configuration: its link meters go too. */
    public void unlink(String neighbour) {
        registry.getMeters().stream()
                .filter(meter -> neighbour.equals(meter.getId().getTag("neighbour")))
                .forEach(registry::remove);
    }

    /**
     * Traffic lines the log's writer took into the file ({@code herd_log_written_lines_total}) and those it
     * dropped because it could not keep up ({@code herd_log_dropped_lines_total}).
     */
    public void logLines(Supplier<Number> written, Supplier<Number> dropped) {
        count("herd.log.written.lines", "Traffic lines the log's writer took into the file", written);
        count("herd.log.dropped.lines", "Traffic lines the log dropped because its writer could not keep up", dropped);
    }

    /** Places calls by provider and answered status, and their latency. */
    public void placesCall(String provider, String status, Duration took) {
        Counter.builder("herd.places.calls").description("Places provider calls, by provider and answered status")
                .tag("member", member).tag("provider", provider).tag("status", status).register(registry).increment();
        Timer.builder("herd.places.latency").description("How long places provider calls took")
                .tag("member", member).tag("provider", provider).serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry).record(took);
    }

    /** What anti-entropy repaired: exchanges that found differences, and reports sent to repair them. */
    public void antiEntropy(Supplier<Number> repairs, Supplier<Number> reportsSent) {
        count("herd.anti.entropy.repairs", "Anti-entropy exchanges in which this member found tables that differed",
                repairs);
        count("herd.anti.entropy.reports.sent", "Reports this member sent to repair a neighbour's table", reportsSent);
    }

    /**
     * What crossed the member's peer links, by direction ({@code in}, {@code out}): lines and bytes
     * ({@code herd_peer_lines_total}, {@code herd_peer_bytes_total}), and the updates received that
     * it held already ({@code herd_peer_repeats_total}, see scale.md).
     */
    public void peerTraffic(Supplier<PeerMesh.Traffic> traffic) {
        String lines = "Lines over the member's peer links, by direction";
        String bytes = "Bytes over the member's peer links, by direction";
        count("herd.peer.lines", lines, () -> traffic.get().linesIn(), "direction", "in");
        count("herd.peer.lines", lines, () -> traffic.get().linesOut(), "direction", "out");
        count("herd.peer.bytes", bytes, () -> traffic.get().bytesIn(), "direction", "in");
        count("herd.peer.bytes", bytes, () -> traffic.get().bytesOut(), "direction", "out");
        count("herd.peer.repeats", "Updates received from neighbours that the member held already",
                () -> traffic.get().repeatsIn());
    }

    /** Places answers served from the cache, as the provider counts them. */
    public void placesCacheHits(Supplier<Number> hits) {
        count("herd.places.cache.hits", "WHATSATs answered from the places cache", hits);
    }

    /**
     * A counter whose total is kept elsewhere and read at each scrape.
     *
     * @param tags more tags beside {@code member}, as name, value, name, value...
     */
    private void count(String name, String description, Supplier<Number> total, String... tags) {
        counted.add(total);
        FunctionCounter.builder(name, total, t -> t.get().doubleValue()).description(description)
                .tag("member", member).tags(tags).register(registry);
    }

    private static double[] seconds(Duration[] buckets) {
        return Stream.of(buckets).mapToDouble(bucket -> bucket.toNanos() / 1e9).toArray();
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
