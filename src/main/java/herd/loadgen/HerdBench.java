package herd.loadgen;

import herd.config.HerdConfig;
import herd.config.HerdConfigParser;
import herd.config.MemberConfig;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import org.HdrHistogram.Histogram;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * herd-bench: drives a running herd from its herd file and reports throughput, reply latency
 * and propagation latency (read from each member's admin endpoint). Loopback only.
 */
@Command(name = "herd-bench", mixinStandardHelpOptions = true,
        description = "Load generator for a running herd: throughput, reply latency, propagation latency.")
public final class HerdBench implements Callable<Integer> {

    @Option(names = "--herd", description = "herd file listing the members (default: ${DEFAULT-VALUE})")
    Path herdFile = Path.of("conf/herd.json");

    @Option(names = {"-c", "--connections"}, description = "load connections, spread over all members (default: ${DEFAULT-VALUE})")
    int connections = 100;

    @Option(names = {"-r", "--rate"}, description = "open loop: commands per second over all connections; 0 = closed loop, as fast as replies come (default: ${DEFAULT-VALUE})")
    double rate = 0;

    @Option(names = {"-p", "--pipeline"}, description = "closed loop: commands written at once per connection, the next write once all are answered (default: ${DEFAULT-VALUE})")
    int pipeline = 1;

    @Option(names = {"-d", "--duration"}, description = "seconds measured (default: ${DEFAULT-VALUE})")
    int duration = 10;

    @Option(names = {"-w", "--warmup"}, description = "seconds of load before measuring (default: ${DEFAULT-VALUE})")
    int warmup = 3;

    @Option(names = "--whatsat", description = "share of commands that are WHATSAT, 0 to 1 (default: ${DEFAULT-VALUE})")
    double whatsatShare = 0;

    @Option(names = "--clients", description = "distinct client IDs in IAMATs (default: ${DEFAULT-VALUE})")
    int clients = 100_000;

    @Option(names = "--idle", description = "idle connections to open per member beside the load (default: ${DEFAULT-VALUE})")
    int idlePerMember = 0;

    @Option(names = "--flood", description = "one more connection, to the first member loaded, pipelining this many lines"
            + " at a time (every other one invalid), each write once the last is answered; reply latency is then"
            + " the other connections' (default: none)")
    int floodBurst = 0;

    @Option(names = "--members", split = ",", description = "only load these members (default: all)")
    List<String> onlyMembers = List.of();

    @Option(names = "--tls", description = "connect to the members' TLS client ports (clientTls)")
    boolean tls;

    @Option(names = "--ca", paramLabel = "PEM", description = "trust the certificates this CA (PEM) signed, for --tls and"
            + " for admin endpoints over HTTPS, instead of the JVM's default trust store")
    Path ca;

    @Option(names = "--event-loops", description = "event loops of the load generator (default: ${DEFAULT-VALUE})")
    int eventLoops = 2;

    @Option(names = "--cpu-of", split = ",", description = "process IDs of the herd's members: CPU time per update"
            + " over the measured seconds (all on this machine; default: not measured)")
    List<Long> cpuOf = List.of();

    @Option(names = "--json", description = "also write the results to this file as JSON")
    Path jsonFile;

    @Option(names = "--hgrm", description = "also write the measured reply latencies as HdrHistogram's percentile"
            + " distribution (milliseconds) to this file")
    Path hgrmFile;

    @Option(names = "--csv", description = "also write the run second by second (replies, latency percentiles) to this"
            + " CSV file")
    Path csvFile;

    @Option(names = "--svg", description = "also plot the reply latency percentiles second by second to this SVG file")
    Path svgFile;

    private final Timeline timeline = new Timeline();
    /** Sent with the request that resets the members' propagation figures (admin.md, Authorization); a test sets it. */
    String adminToken = System.getenv("HERD_ADMIN_TOKEN");

    public static void main(String[] args) {
        System.exit(new CommandLine(new HerdBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        HerdConfig herd = HerdConfigParser.parse(herdFile.toString(), new JsonObject(Files.readString(herdFile)));
        List<MemberConfig> members = herd.members().stream()
                .filter(m -> onlyMembers.isEmpty() || onlyMembers.contains(m.name())).toList();
        ClientPorts ports = new ClientPorts(tls, ca);
        List<String> missing = members.stream().flatMap(m -> ports.missing(m).stream()).toList();
        if (!missing.isEmpty()) {
            System.err.println("herd-bench: " + herdFile + ": " + String.join("; ", missing));
            return 2;
        }
        // Native epoll where there is one: it sleeps until a tick is due, where NIO polls for the last half millisecond.
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(eventLoops + (floodBurst > 0 ? 1 : 0))
                .setPreferNativeTransport(true));
        try {
            return run(vertx, herd.members(), members, ports);
        } finally {
            vertx.close().await();
        }
    }

    private int run(Vertx vertx, List<MemberConfig> herd, List<MemberConfig> loaded, ClientPorts ports)
            throws IOException {
        LoadStats stats = new LoadStats();
        Workload workload = new Workload(clients, whatsatShare);
        WebClientOptions adminOptions = new WebClientOptions();
        if (ca != null) {
            adminOptions.setTrustOptions(new PemTrustOptions().addCertPath(ca.toString()));
        }
        WebClient admin = WebClient.create(vertx, adminOptions);
        if (whatsatShare > 0) {
            seed(vertx, loaded.get(0), ports, stats);
        }
        List<LoadVerticle> loops = new ArrayList<>();
        for (int loop = 0; loop < eventLoops; loop++) {
            List<MemberConfig> targets = new ArrayList<>();
            for (int i = loop; i < connections; i += eventLoops) {
                targets.add(loaded.get(i % loaded.size()));
            }
            int idle = loop == 0 ? idlePerMember : 0;
            // Connection i of all sends at phase i / connections of its interval: evenly, not in bursts.
            LoadVerticle verticle = new LoadVerticle(targets, ports, rate / connections, pipeline, idle, workload, stats,
                    (double) loop / connections, (double) eventLoops / connections);
            vertx.deployVerticle(verticle).await();
            loops.add(verticle);
        }
        FloodVerticle flood = new FloodVerticle(loaded.get(0), ports, floodBurst, stats);
        if (floodBurst > 0) {
            vertx.deployVerticle(flood).await();
        }
        System.out.printf("herd-bench: %d connections to %d members, %s, %s%s%s (%s)%n", connections, loaded.size(),
                rate > 0 ? "open loop at " + (long) rate + " commands/s" : "closed loop, " + pipeline + " per write",
                whatsatShare > 0 ? (int) (whatsatShare * 100) + "% WHATSAT" : "IAMAT only",
                idlePerMember > 0 ? ", " + stats.idleOpen.sum() + " idle connections" : "",
                floodBurst > 0 ? ", one connection to " + loaded.get(0).name() + " flooding " + floodBurst + " lines per write" : "",
                vertx.isNativeTransportEnabled() ? "epoll" : "Java NIO");

        loops.forEach(LoadVerticle::run);
        if (floodBurst > 0) {
            flood.run();
        }
        progress(stats, warmup, "warm-up");
        boolean reset = resetPropagation(admin, herd);
        stats.interval();
        stats.measuring = true;
        long sentBefore = stats.sent.sum();
        long repliesBefore = stats.replies.sum();
        long floodBefore = stats.floodReplies.sum();
        Map<String, Long> acceptedBefore = accepted(stats, herd);
        Map<String, JsonObject> statusBefore = MemberStatuses.read(admin, herd);
        long cpuBefore = HerdCpu.nanos(cpuOf);
        long started = System.nanoTime();
        Histogram replies = progress(stats, duration, "measure");
        Map<String, JsonObject> statusAfter = MemberStatuses.read(admin, herd);
        long cpu = HerdCpu.nanos(cpuOf) - cpuBefore;
        Map<String, Histogram> appliedInWindow = propagation(statusAfter);
        Map<String, Long> acceptedAfter = accepted(stats, herd);
        double seconds = (System.nanoTime() - started) / 1e9;
        stats.measuring = false;
        long measuredReplies = stats.replies.sum() - repliesBefore;
        long measuredSent = stats.sent.sum() - sentBefore;
        long measuredFlood = stats.floodReplies.sum() - floodBefore;
        loops.forEach(LoadVerticle::stopSending);
        if (floodBurst > 0) {
            flood.stopSending();
        }
        drain(stats);
        Map<String, Histogram> propagation = propagation(MemberStatuses.read(admin, herd));
        long updates = acceptedAfter.values().stream().mapToLong(Long::longValue).sum()
                - acceptedBefore.values().stream().mapToLong(Long::longValue).sum();
        PeerCost peerCost = PeerCost.between(statusBefore, statusAfter, updates);

        // Every member applies every update: those it accepted itself and those its neighbours
        // flooded to it. At the slowest member that is the rate the herd as a whole sustains.
        Map<String, Double> applied = new LinkedHashMap<>();
        appliedInWindow.forEach((member, fromPeers) -> applied.put(member,
                (fromPeers.getTotalCount() + acceptedAfter.get(member) - acceptedBefore.get(member)) / seconds));
        Results results = new Results(measuredSent / seconds, measuredReplies / seconds, applied, replies, propagation,
                stats.sent.sum() - stats.replies.sum(), stats.invalidReplies.sum(), stats.connectFailures.sum(),
                stats.connectionsLost.sum(), stats.idleOpen.sum(), floodBurst > 0 ? measuredFlood / seconds : null,
                peerCost, cpuOf.isEmpty() || updates == 0 ? null : cpu / 1e3 / updates);
        System.out.print(results.table());
        write(results, replies);
        return results.clean() && reset ? 0 : 1;
    }

    private void write(Results results, Histogram replies) throws IOException {
        if (jsonFile != null) {
            Files.writeString(jsonFile, results.json().encodePrettily() + "\n");
        }
        if (hgrmFile != null) {
            try (PrintStream out = new PrintStream(Files.newOutputStream(hgrmFile), false, StandardCharsets.UTF_8)) {
                replies.outputPercentileDistribution(out, 1000.0); // recorded in microseconds, written in milliseconds
            }
        }
        if (csvFile != null) {
            Files.writeString(csvFile, timeline.csv());
        }
        if (svgFile != null) {
            Files.writeString(svgFile, LatencyPlot.svg(String.format("herd-bench: %d connections, %s; reply latency",
                    connections, rate > 0 ? "open loop at " + (long) rate + "/s" : "closed loop, " + pipeline
                            + " in flight"), timeline.seconds()));
        }
    }

    /** IAMATs for the clients WHATSATs ask about, so that every member can answer them; done once all are answered. */
    private void seed(Vertx vertx, MemberConfig member, ClientPorts ports, LoadStats stats) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < Workload.SEEDED_CLIENTS; i++) {
            Workload.appendIamat(lines, Workload.seededClient(i), ThreadLocalRandom.current());
        }
        Promise<Void> answered = Promise.promise();
        vertx.createNetClient(ports.options()).connect(ports.address(member)).compose(socket -> {
            int[] replies = {0};
            socket.handler(buffer -> {
                for (int i = 0; i < buffer.length(); i++) {
                    if (buffer.getByte(i) == '\n' && ++replies[0] == Workload.SEEDED_CLIENTS) {
                        socket.close();
                        answered.tryComplete();
                    }
                }
            });
            socket.closeHandler(v -> answered.tryFail("the seeding connection to " + member.name() + " closed after "
                    + replies[0] + " of " + Workload.SEEDED_CLIENTS + " replies"));
            return socket.write(lines.toString()).compose(v -> answered.future());
        }).await();
        progress(stats, 1, "seed");
    }

    /** Prints a line a second for {@code seconds}; returns the reply latencies recorded meanwhile. */
    private Histogram progress(LoadStats stats, int seconds, String phase) {
        Histogram all = new Histogram(LoadStats.HIGHEST_MICROS, 3);
        long lastReplies = stats.replies.sum();
        for (int s = 1; s <= seconds; s++) {
            sleepSeconds(1);
            Histogram interval = stats.interval();
            all.add(interval);
            long replies = stats.replies.sum();
            long outstanding = stats.sent.sum() - replies;
            System.out.printf("  %-7s %3ds  replies %,11d  %,9d/s  p99 %8.2f ms  outstanding %,d%n", phase, s, replies,
                    replies - lastReplies, interval.getValueAtPercentile(99) / 1000.0, outstanding);
            timeline.add(new Timeline.Second(phase, s, replies, replies - lastReplies,
                    interval.getValueAtPercentile(50) / 1000.0, interval.getValueAtPercentile(99) / 1000.0,
                    interval.getValueAtPercentile(99.9) / 1000.0, interval.getMaxValue() / 1000.0, outstanding));
            lastReplies = replies;
        }
        return all;
    }

    private static Map<String, Long> accepted(LoadStats stats, List<MemberConfig> herd) {
        Map<String, Long> accepted = new LinkedHashMap<>();
        herd.forEach(member -> accepted.put(member.name(), stats.acceptedBy(member.name()).sum()));
        return accepted;
    }

    private static void drain(LoadStats stats) {
        for (int i = 0; i < 50 && stats.sent.sum() > stats.replies.sum(); i++) {
            sleepMillis(100);
        }
    }

    /**
     * With the admin token if there is one. A member that refuses is told of, and the run fails: its
     * propagation figures would include the warm-up.
     */
    private boolean resetPropagation(WebClient admin, List<MemberConfig> herd) {
        List<Future<Boolean>> resets = new ArrayList<>();
        herd.stream().filter(m -> m.admin() != null).forEach(m -> {
            HttpRequest<Buffer> reset = admin.delete(m.admin().port(), "127.0.0.1", "/propagation")
                    .ssl(m.admin().tls() != null);
            if (adminToken != null) {
                reset.bearerTokenAuthentication(adminToken.strip());
            }
            resets.add(reset.send().map(response -> {
                if (response.statusCode() != 204) {
                    System.err.println("herd-bench: " + m.name() + " refused to reset its propagation figures ("
                            + response.statusCode() + "): " + String.valueOf(response.bodyAsString()).strip());
                }
                return response.statusCode() == 204;
            }).otherwise(failure -> {
                System.err.println("herd-bench: " + m.name() + "'s admin endpoint did not answer: " + failure.getMessage());
                return false;
            }));
        });
        return Future.all(resets).await().<Boolean>list().stream().allMatch(Boolean::booleanValue);
    }

    private static Map<String, Histogram> propagation(Map<String, JsonObject> statuses) {
        Map<String, Histogram> byMember = new LinkedHashMap<>();
        statuses.forEach((member, status) -> {
            Histogram propagation = MemberStatuses.propagation(status);
            if (propagation == null) {
                System.err.println("herd-bench: unreadable propagation figures from " + member);
            } else {
                byMember.put(member, propagation);
            }
        });
        return byMember;
    }

    private static void sleepSeconds(int seconds) {
        sleepMillis(seconds * 1000L);
    }

    private static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
