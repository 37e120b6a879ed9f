package herd.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import herd.testing.FreePorts;
import herd.testing.LineClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fat jar as a user runs it: {@code java -jar target/herd-fat.jar -conf FILE}. */
class HerdProcessIT {

    private static final Path JAR = Path.of(System.getProperty("herd.jar", "target/herd-fat.jar"));

    @TempDir
    Path dir;

    @Test
    void aMemberFileStartsAMemberThatAnswersAndStopsOnSigterm() throws Exception {
        int port = FreePorts.next();
        Path conf = write("Solo.json", """
                {"name": "Solo", "host": "127.0.0.1", "port": %d, "neighbours": {},
                 "places": {"provider": "offline"}, "logFile": "%s"}
                """.formatted(port, dir.resolve("Solo.log")));
        Process herd = start(conf);
        try {
            awaitListening(herd, port);
            try (LineClient client = new LineClient(port)) {
                String at = client.send("IAMAT kiwi +34.068930-118.445127 1621464827.959498503\n").readLine();
                assertTrue(at.matches("AT Solo [+-][0-9]+\\.[0-9]{9} kiwi \\+34\\.068930-118\\.445127 1621464827\\.959498503"), at);
                String whatsat = client.send("WHATSAT kiwi 10 5\n").readWhatsAtReply();
                assertTrue(whatsat.startsWith(at + "\n{\n   \"html_attributions\" : ["), whatsat);
                assertTrue(whatsat.contains("\"name\" : \"Los Angeles\""), whatsat);
            }
        } finally {
            herd.destroy(); // SIGTERM
        }
        assertTrue(herd.waitFor(20, TimeUnit.SECONDS), "still running after SIGTERM");
        assertEquals(0, herd.exitValue(), "a graceful stop is a success");
        String log = Files.readString(dir.resolve("Solo.log"));
        assertTrue(log.contains("IAMAT kiwi +34.068930-118.445127 1621464827.959498503"), log);
        String output = Files.readString(dir.resolve("output.txt"));
        assertTrue(output.contains("WARN") && output.contains("peer links are not authenticated (HERD_SECRET is not set)"),
                "no warning that links are unauthenticated: " + output);
    }

    @Test
    void aBlankHerdSecretStopsTheStartRatherThanTurningAuthenticationOff() throws Exception {
        Path conf = write("Blank.json", """
                {"name": "Blank", "host": "127.0.0.1", "port": %d, "neighbours": {}, "logFile": "%s"}
                """.formatted(FreePorts.next(), dir.resolve("Blank.log")));
        assertRefused(start(conf, " "), "HERD_SECRET", "blank");
    }

    @Test
    void aShortHerdSecretStopsTheStart() throws Exception {
        Path conf = write("Short.json", """
                {"name": "Short", "host": "127.0.0.1", "port": %d, "neighbours": {}, "logFile": "%s"}
                """.formatted(FreePorts.next(), dir.resolve("Short.log")));
        assertRefused(start(conf, "letmein"), "HERD_SECRET", "only 7 characters");
    }

    @Test
    void aNeighbourNamingItselfStopsTheStartWithTheFileAndField() throws Exception {
        Path conf = write("Self.json", """
                {"name": "Self", "port": %d, "neighbours": {"Self": "localhost:1"}}
                """.formatted(FreePorts.next()));
        assertRefused(conf, conf.toString(), "neighbours");
    }

    @Test
    void aMissingFileIsNamed() throws Exception {
        Path conf = dir.resolve("absent.json");
        assertRefused(conf, conf.toString(), "not found");
    }

    @Test
    void aPortInUseIsNamed() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Path conf = write("Busy.json", """
                    {"name": "Busy", "host": "127.0.0.1", "port": %d, "neighbours": {}, "logFile": "%s"}
                    """.formatted(taken.getLocalPort(), dir.resolve("Busy.log")));
            assertRefused(conf, conf.toString(), "port");
        }
    }

    private void assertRefused(Path conf, String... expected) throws Exception {
        assertRefused(start(conf), expected);
    }

    private void assertRefused(Process herd, String... expected) throws Exception {
        assertTrue(herd.waitFor(30, TimeUnit.SECONDS), "a bad configuration did not stop the start");
        String output = Files.readString(dir.resolve("output.txt"));
        assertEquals(HerdLauncher.EXIT_BAD_CONFIGURATION, herd.exitValue(), output);
        for (String text : expected) {
            assertTrue(output.contains(text), "no \"" + text + "\" in: " + output);
        }
        assertTrue(!output.contains("\tat "), "a stack trace: " + output);
    }

    private Process start(Path conf) throws IOException {
        return start(conf, null);
    }

    /** @param herdSecret the process's HERD_SECRET, or null for none */
    private Process start(Path conf, String herdSecret) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-jar", JAR.toString(), "-conf", conf.toString()))
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("output.txt").toFile());
        builder.environment().remove("HERD_SECRET");
        if (herdSecret != null) {
            builder.environment().put("HERD_SECRET", herdSecret);
        }
        return builder.start();
    }

    private Path write(String name, String json) throws IOException {
        return Files.writeString(dir.resolve(name), json);
    }

    private static void awaitListening(Process herd, int port) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            assertTrue(herd.isAlive(), "the member exited while starting");
            try (LineClient probe = new LineClient(port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("the member never listened on " + port);
    }

}
