package herd.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import herd.testing.Await;
import herd.testing.FreePorts;
import herd.testing.LineClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a member loads to start and answer: a real process run with {@code -verbose:class}. Each of
 * these libraries cost a member a tenth to a quarter of a second of a start on two cores (see
 * startup.md); none of them does anything a member needs, so none may come back by accident.
 */
class StartupIT {

    private static final Path JAR = Path.of(System.getProperty("herd.jar", "target/herd-fat.jar"));

    /** Package prefixes, with what brought each in. */
    private static final List<String> NOT_LOADED = List.of(
            "ch.qos.logback.classic.joran.", // logback's XML configuration
            "com.sun.org.apache.xerces.", // the XML parser under it
            "io.vertx.launcher.", // Vert.x's application launcher
            "picocli.", // its command line
            "com.fasterxml.jackson.databind.", // Vert.x's JSON codec, when databind is on the class path
            "io.vertx.micrometer."); // Vert.x's own metrics

    @TempDir
    Path dir;

    @Test
    void aMemberListensAndAnswersAnOfflineWhatsatWithoutTheLibrariesThatSlowedItsStart() throws Exception {
        int port = FreePorts.next();
        int admin = FreePorts.next();
        Path conf = Files.writeString(dir.resolve("Solo.json"), """
                {"name": "Solo", "host": "127.0.0.1", "port": %d, "neighbours": {},
                 "places": {"provider": "offline"}, "logFile": "%s", "admin": {"host": "127.0.0.1", "port": %d}}
                """.formatted(port, dir.resolve("Solo.log"), admin));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path output = dir.resolve("output.txt");
        Process member = new ProcessBuilder(List.of(java, "-verbose:class", "-jar", JAR.toString(), "-conf", conf.toString()))
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            try (LineClient client = connect(member, port)) {
                client.send("IAMAT kiwi +34.068930-118.445127 1621464827.959498503\n").readLine();
                String whatsat = client.send("WHATSAT kiwi 10 5\n").readWhatsAtReply();
                assertTrue(whatsat.contains("\"name\" : \"Los Angeles\""), whatsat);
            }
            Await.until("/metrics answered", Duration.ofSeconds(20), () -> metricsStatus(admin) == 200);
        } finally {
            member.destroy();
        }
        assertTrue(member.waitFor(20, TimeUnit.SECONDS), "still running after SIGTERM");
        assertEquals(0, member.exitValue());
        List<String> loaded = Files.readAllLines(output).stream()
                .filter(line -> line.contains("[class,load] "))
                .map(line -> line.substring(line.indexOf("[class,load] ") + "[class,load] ".length()))
                .toList();
        assertTrue(loaded.stream().anyMatch(name -> name.startsWith("herd.server.ProtocolServer ")),
                "no class loading in the output: " + loaded.size() + " lines");
        for (String prefix : NOT_LOADED) {
            assertEquals(List.of(), loaded.stream().filter(name -> name.startsWith(prefix)).limit(3).toList(), prefix);
        }
        List<String> lines = Files.readAllLines(output);
        int listening = indexOf(lines, line -> line.contains("Solo listening on"));
        int index = indexOf(lines, line -> line.contains("[class,load] herd.places.offline.GeoNamesPlaces "));
        assertTrue(listening >= 0 && index > listening, "the offline index began loading before the member listened");
        int prometheus = indexOf(lines, line -> line.contains("[class,load] io.prometheus.metrics."));
        assertTrue(prometheus > listening, "the Prometheus registry was made before the member listened");
    }

    private static int metricsStatus(int admin) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + admin + "/metrics"))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException notYet) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static int indexOf(List<String> lines, java.util.function.Predicate<String> found) {
        for (int i = 0; i < lines.size(); i++) {
            if (found.test(lines.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static LineClient connect(Process member, int port) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            assertTrue(member.isAlive(), "the member exited while starting");
            try {
                return new LineClient(port);
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        throw new AssertionError("the member never listened on " + port);
    }
}
