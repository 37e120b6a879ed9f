package herd.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import herd.config.HerdConfigParser;
import herd.config.MemberConfig;
import herd.member.Secrets;
import herd.metrics.HerdMetrics;
import herd.testing.Await;
import herd.testing.FreePorts;
import herd.testing.LineClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Predicate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The standard herd started from five member files, each watched by its {@link HerdVerticle}; the
 * tests edit the files while the herd runs and watch the topology follow without a restart.
 */
@ExtendWith(VertxExtension.class)
class TopologyChangeTest {

    private static final Duration SCAN = Duration.ofMillis(100);
    private static final Duration LIMIT = Duration.ofSeconds(15);
    private static final Secrets SECRETS = new Secrets(null, "topology-test-secret");

    @TempDir
    Path dir;

    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, JsonObject> files = new LinkedHashMap<>();

    @BeforeEach
    void writeStandardHerd() throws IOException {
        List<MemberConfig> standard = HerdConfigParser.parse("conf/herd.json",
                new JsonObject(Files.readString(Path.of("conf/herd.json")))).members();
        standard.forEach(member -> ports.put(member.name(), FreePorts.next()));
        ports.put("Zed", FreePorts.next());
        for (MemberConfig member : standard) {
            JsonObject neighbours = new JsonObject();
            member.neighbours().keySet().forEach(name -> neighbours.put(name, address(name)));
            files.put(member.name(), new JsonObject()
                    .put("name", member.name())
                    .put("host", "127.0.0.1")
                    .put("port", ports.get(member.name()))
                    .put("neighbours", neighbours)
                    .put("places", new JsonObject().put("provider", "offline"))
                    .put("logFile", dir.resolve(member.name() + ".log").toString()));
            write(member.name());
        }
    }

    @Test
    void aSixthMemberJoinsWhenTwoMembersListItAndUpdatesReachIt(Vertx vertx) throws Exception {
        startFive(vertx);
        try (LineClient clark = new LineClient(ports.get("Clark"))) {
            String kiwi = iamat("Bailey", "kiwi", "+34.068930-118.445127");
            awaitKnown("Jaquez", kiwi);

            files.put("Zed", files.get("Clark").copy().put("name", "Zed").put("port", ports.get("Zed"))
                    .put("neighbours", new JsonObject().put("Clark", address("Clark")).put("Jaquez", address("Jaquez")))
                    .put("logFile", dir.resolve("Zed.log").toString()));
            write("Zed");
            start(vertx, "Zed");
            assertEquals(null, held("Zed", "kiwi"), "Zed is not yet anybody's neighbour");

            files.get("Clark").getJsonObject("neighbours").put("Zed", address("Zed"));
            files.get("Jaquez").getJsonObject("neighbours").put("Zed", address("Zed"));
            write("Clark");
            write("Jaquez");

            awaitKnown("Zed", kiwi);
            awaitKnown("Zed", iamat("Bailey", "lime", "-33.868800+151.209300"));
            String plum = iamat("Zed", "plum", "+51.507400-000.127800");
            for (String member : List.of("Bailey", "Bona", "Campbell", "Clark", "Jaquez")) {
                awaitKnown(member, plum);
            }
            assertEquals(kiwi, clark.send("WHATSAT kiwi 1 1\n").readWhatsAtReply().lines().findFirst().orElseThrow(),
                    "a client connected before the edit is still served, from the same table");
        }
        String clarkLog = Files.readString(dir.resolve("Clark.log"));
        assertTrue(clarkLog.contains("neighbour Zed added at 127.0.0.1:" + ports.get("Zed")), clarkLog);
    }

    @Test
    void aRemovedNeighbourIsCutOffAndAMovedOneIsDialledAtItsNewAddress(Vertx vertx) throws Exception {
        startFive(vertx);
        files.get("Clark").getJsonObject("neighbours").remove("Jaquez");
        files.get("Jaquez").getJsonObject("neighbours").remove("Clark");
        write("Clark");
        write("Jaquez");
        awaitLogged("Jaquez", "neighbour Clark removed");
        awaitLogged("Clark", "neighbour Jaquez removed");

        // Clark now hangs off Bona alone: an update there still reaches Jaquez the long way round.
        awaitKnown("Jaquez", iamat("Clark", "kiwi", "+34.068930-118.445127"));

        files.get("Bona").getJsonObject("neighbours").put("Clark", "127.0.0.1:1");
        write("Bona");
        awaitLogged("Bona", "neighbour Clark is now at 127.0.0.1:1");
        String lime = iamat("Jaquez", "lime", "-33.868800+151.209300");
        awaitKnown("Bona", lime);
        assertEquals(null, held("Clark", "lime"), "Clark has no link left that works");

        files.get("Bona").getJsonObject("neighbours").put("Clark", address("Clark"));
        write("Bona");
        awaitKnown("Clark", lime);
    }

    @Test
    void aNewNameOrPortIsRefusedAndABrokenFileChangesNothing(Vertx vertx) throws Exception {
        ListAppender<ILoggingEvent> console = new ListAppender<>();
        console.start();
        Logger herdLog = (Logger) LoggerFactory.getLogger(HerdVerticle.class);
        herdLog.addAppender(console);
        try {
            startFive(vertx);
            double failuresBefore = reloadFailures();
            files.get("Bailey").put("port", FreePorts.next());
            write("Bailey");
            awaitLogged("Bailey", "refused the edited configuration of Bailey: port cannot change while it runs");

            Path jaquez = dir.resolve("Jaquez.json");
            Files.writeString(jaquez, "{\"name\": \"Jaquez\", \"port\": ");
            Await.until("the broken file reported", LIMIT, () -> logged(console, message ->
                    message.startsWith(jaquez + ": not valid JSON")));

            files.get("Clark").getJsonObject("neighbours").put("Jaquez", "nowhere");
            write("Clark");
            Await.until("the bad field reported", LIMIT, () -> logged(console, message ->
                    message.contains("neighbours.Jaquez")));
            Await.until("three reload failures counted", LIMIT, () -> reloadFailures() >= failuresBefore + 3);
        } finally {
            herdLog.detachAppender(console);
        }
        String kiwi = iamat("Bailey", "kiwi", "+34.068930-118.445127");
        for (String member : List.of("Bona", "Campbell", "Clark", "Jaquez")) {
            awaitKnown(member, kiwi);
        }
        assertTrue(Files.readString(dir.resolve("Jaquez.log")).contains("Jaquez listening"));
    }

    /** Whether a line was logged; read under the appender's lock, which event loops append under. */
    private static boolean logged(ListAppender<ILoggingEvent> appender, Predicate<String> message) {
        synchronized (appender) {
            return appender.list.stream().anyMatch(event -> message.test(event.getFormattedMessage()));
        }
    }

    private void startFive(Vertx vertx) {
        List.of("Bailey", "Bona", "Campbell", "Clark", "Jaquez").forEach(name -> start(vertx, name));
    }

    private void start(Vertx vertx, String name) {
        vertx.deployVerticle(new HerdVerticle(dir.resolve(name + ".json"), SCAN, SECRETS)).await();
    }

    private void write(String name) throws IOException {
        Files.writeString(dir.resolve(name + ".json"), files.get(name).encodePrettily());
    }

    private String address(String name) {
        return "127.0.0.1:" + ports.get(name);
    }

    /** Sends an IAMAT and returns the AT line it was answered with. */
    private String iamat(String member, String client, String location) throws IOException {
        try (LineClient phone = new LineClient(ports.get(member))) {
            return phone.send("IAMAT " + client + " " + location + " 1621464827.959498503\n").readLine();
        }
    }

    /** The AT line a WHATSAT about the client starts with, or null when the member knows no location. */
    private String held(String member, String client) {
        try (LineClient phone = new LineClient(ports.get(member))) {
            String first = phone.send("WHATSAT " + client + " 1 1\n").readLine();
            return first.startsWith("?") ? null : first;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitKnown(String member, String atLine) {
        Await.until(member + " holding " + atLine, LIMIT, () -> atLine.equals(held(member, atLine.split(" ")[3])));
    }

    private void awaitLogged(String member, String text) {
        Await.until(member + " logging \"" + text + "\"", LIMIT, () -> {
            try {
                return Files.readString(dir.resolve(member + ".log")).contains(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }


    /** {@code herd_config_reload_failures_total}: the process's, so counted from what it was. */
    private static double reloadFailures() {
        return HerdMetrics.ready().toCompletableFuture().join().counter("herd.config.reload.failures").count();
    }
}
