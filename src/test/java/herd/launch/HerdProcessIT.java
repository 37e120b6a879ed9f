package herd.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import herd.config.MemberConfig;
import herd.testing.FreePorts;
import herd.testing.LineClient;
import herd.testing.MemberProcess;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fat jar as a user runs it: {@code java -jar target/herd-fat.jar -conf FILE}. */
class HerdProcessIT {

    @TempDir
    Path dir;

    @Test
    void aMemberFileStartsAMemberThatAnswersAndStopsOnSigterm() throws Exception {
        MemberConfig solo = MemberProcess.loopback("Solo", FreePorts.next(), Map.of(), dir).admin(null).build();
        MemberProcess herd = MemberProcess.of(solo, dir).start();
        int exit;
        try {
            herd.awaitListening();
            try (LineClient client = new LineClient(solo.port())) {
                String at = client.send("IAMAT kiwi +34.068930-118.445127 1621464827.959498503\n").readLine();
                assertTrue(at.matches("AT Solo [+-][0-9]+\\.[0-9]{9} kiwi \\+34\\.068930-118\\.445127 1621464827\\.959498503"), at);
                String whatsat = client.send("WHATSAT kiwi 10 5\n").readWhatsAtReply();
                assertTrue(whatsat.startsWith(at + "\n{\n   \"html_attributions\" : ["), whatsat);
                assertTrue(whatsat.contains("\"name\" : \"Los Angeles\""), whatsat);
            }
        } finally {
            exit = herd.stop(); // SIGTERM
        }
        assertEquals(0, exit, "a graceful stop is a success");
        String log = Files.readString(dir.resolve("Solo.log"));
        assertTrue(log.contains("IAMAT kiwi +34.068930-118.445127 1621464827.959498503"), log);
        String output = herd.output();
        assertTrue(output.contains("WARN") && output.contains("peer links are not authenticated (HERD_SECRET is not set)"),
                "no warning that links are unauthenticated: " + output);
    }

    @Test
    void aBlankHerdSecretStopsTheStartRatherThanTurningAuthenticationOff() throws Exception {
        assertRefused(member("Blank", FreePorts.next()).secret(" "), "HERD_SECRET", "blank");
    }

    @Test
    void aShortHerdSecretStopsTheStart() throws Exception {
        assertRefused(member("Short", FreePorts.next()).secret("letmein"), "HERD_SECRET", "only 7 characters");
    }

    @Test
    void aNeighbourNamingItselfStopsTheStartWithTheFileAndField() throws Exception {
        Path conf = Files.writeString(dir.resolve("Self.json"), """
                {"name": "Self", "port": %d, "neighbours": {"Self": "localhost:1"}}
                """.formatted(FreePorts.next()));
        assertRefused(MemberProcess.ofFile(conf, dir), conf.toString(), "neighbours");
    }

    @Test
    void aMissingFileIsNamed() throws Exception {
        Path conf = dir.resolve("absent.json");
        assertRefused(MemberProcess.ofFile(conf, dir), conf.toString(), "not found");
    }

    @Test
    void aPortInUseIsNamed() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertRefused(member("Busy", taken.getLocalPort()), dir.resolve("Busy.json").toString(), "port");
        }
    }

    @Test
    void aLogFileThatCannotBeOpenedIsNamed() throws Exception {
        Path directory = Files.createDirectories(dir.resolve("Logless.log"));
        Path conf = Files.writeString(dir.resolve("Logless.json"), """
                {"name": "Logless", "host": "127.0.0.1", "port": %d, "neighbours": {}, "logFile": "%s"}
                """.formatted(FreePorts.next(), directory));
        assertRefused(MemberProcess.ofFile(conf, dir), conf + ": logFile: cannot open " + directory + " (Is a directory)");
    }

    /** A member on loopback with the default places and no admin endpoint. */
    private MemberProcess member(String name, int port) throws IOException {
        return MemberProcess.of(MemberConfig.builder(name, port).host("127.0.0.1")
                .logFile(dir.resolve(name + ".log").toString()).build(), dir);
    }

    private static void assertRefused(MemberProcess herd, String... expected) throws Exception {
        int exit = herd.start().awaitExit();
        String output = herd.output();
        assertEquals(HerdLauncher.EXIT_BAD_CONFIGURATION, exit, output);
        for (String text : expected) {
            assertTrue(output.contains(text), "no \"" + text + "\" in: " + output);
        }
        assertTrue(!output.contains("\tat "), "a stack trace: " + output);
    }
}
