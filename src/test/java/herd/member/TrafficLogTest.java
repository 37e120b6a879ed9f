package herd.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import herd.config.ConfigException;
import herd.config.LogConfig;
import herd.config.MemberConfigBuilder;
import herd.config.PlacesConfig;
import herd.testing.Await;
import herd.testing.LineClient;
import herd.testing.TestHerd;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Every line in and out reaches the members' files, escaped, and what cannot is counted. */
@ExtendWith(VertxExtension.class)
class TrafficLogTest {

    private static final int BURST = 500;
    private TestHerd herd;

    @AfterEach
    void stop() {
        if (herd != null) {
            herd.close();
        }
    }

    @Test
    void everyLineOfAPipelinedBurstIsInTheFilesAfterAGracefulStop(Vertx vertx, @TempDir Path logs) throws IOException {
        herd = TestHerd.standard(vertx, logs, PlacesConfig.offline()).start();
        StringBuilder burst = new StringBuilder();
        for (int i = 0; i < BURST; i++) {
            burst.append("IAMAT burst").append(i).append(" +34.068930-118.445127 1.").append(i).append('\n');
        }
        try (LineClient client = new LineClient(herd.port("Bailey"))) {
            client.send(burst.toString());
            for (int i = 0; i < BURST; i++) {
                assertTrue(client.readLine().startsWith("AT Bailey "));
            }
        }
        Await.until("the burst at Bona", Duration.ofSeconds(10),
                () -> herd.member("Bona").table().size() >= BURST);
        herd.close();
        herd = null;

        List<String> bailey = Files.readAllLines(logs.resolve("Bailey.log"));
        List<String> bona = Files.readAllLines(logs.resolve("Bona.log"));
        String client = connection(bailey, "IAMAT burst0 ");
        String peerIn = connection(bona, "AT Bailey [^ ]+ burst0 ");
        for (int i = 0; i < BURST; i++) {
            String line = "IAMAT burst" + i + " +34.068930-118.445127 1." + i;
            assertTrue(has(bailey, " DEBUG " + Pattern.quote(client + " <- " + line) + "$"), line);
            assertTrue(has(bailey, " DEBUG " + Pattern.quote(client) + " -> AT Bailey [^ ]+ burst" + i + " "), line);
            assertTrue(has(bona, " DEBUG " + Pattern.quote(peerIn) + " <- AT Bailey [^ ]+ burst" + i + " "), line);
        }
    }

    /** The file opens while the member starts listening; a member without its log still does not run. */
    @Test
    void aMemberWhoseLogFileCannotBeOpenedDoesNotStartNorKeepItsPort(Vertx vertx, @TempDir Path logs)
            throws IOException {
        Path directory = Files.createDirectories(logs.resolve("Bailey.log"));
        herd = TestHerd.standard(vertx, logs, PlacesConfig.offline());
        ConfigException failure = assertThrows(ConfigException.class, () -> herd.startMember("Bailey"));
        assertEquals("test herd: Bailey.logFile: cannot open " + directory + " (Is a directory)", failure.getMessage());
        assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", herd.port("Bailey")).close());
        assertTrue(herd.running().isEmpty());
    }

    @Test
    void controlBytesAndInvalidUtf8AreEscapedInTheLogButNotOnTheWire(Vertx vertx, @TempDir Path logs)
            throws IOException {
        herd = TestHerd.standard(vertx, logs, PlacesConfig.offline()).start();
        byte[] forged = "IAMAT a\033[2Jb +1+1 1\nIAMAT c\rd\0\u00ff +1+1 1\n".getBytes(StandardCharsets.ISO_8859_1);
        try (LineClient client = new LineClient(herd.port("Bailey"))) {
            client.send(forged);
            String first = client.readLine();
            client.readLine();
            assertTrue(first.contains(" a\033[2Jb "), first);
        }
        herd.close();
        herd = null;

        byte[] file = Files.readAllBytes(logs.resolve("Bailey.log"));
        for (byte b : file) {
            assertFalse(b != '\n' && (b & 0xff) < 0x20, "a raw control byte in the log: " + b);
        }
        String text = new String(file, StandardCharsets.UTF_8);
        assertTrue(text.contains(" <- IAMAT a\\x1b[2Jb +1+1 1\n"), text);
        assertTrue(text.contains(" <- IAMAT c\\x0dd\\x00\\xff +1+1 1\n"), text);
        assertTrue(text.contains("a\\x1b[2Jb +1+1 1\n") && text.contains(" -> "), text);
    }

    @Test
    void aStarvedWriterDropsTrafficLinesAndCountsThem(Vertx vertx, @TempDir Path logs) throws Exception {
        // A queue smaller than one turn's block: every pipelined turn's lines are dropped.
        herd = TestHerd.standard(vertx, logs, PlacesConfig.offline(), TrafficLogTest::tinyQueue)
                .start();
        pipelineToBailey("flood", 5000);
        long dropped = status("Bailey").getJsonObject("log").getLong("droppedLines");
        assertTrue(dropped > 0, "dropped " + dropped);
        Matcher metric = Pattern.compile("herd_log_dropped_lines_total\\{member=\"Bailey\"[^}]*} ([0-9.E]+)")
                .matcher(get("Bailey", "/metrics"));
        assertTrue(metric.find());
        assertEquals(dropped, (long) Double.parseDouble(metric.group(1)));
        herd.close();
        herd = null;

        String text = Files.readString(logs.resolve("Bailey.log"));
        assertTrue(text.contains("WARN") && text.contains("the log could not keep up: dropped "), text);
    }

    @Test
    void theLinesTakenIntoTheFileAreCounted(Vertx vertx, @TempDir Path logs) throws Exception {
        herd = TestHerd.standard(vertx, logs, PlacesConfig.offline()).start();
        pipelineToBailey("counted", 2000);
        // Each command in and its reply out, at least.
        Await.until("4,000 lines counted", Duration.ofSeconds(10), () -> writtenLines() >= 4000);
        Matcher metric = Pattern.compile("herd_log_written_lines_total\\{member=\"Bailey\"[^}]*} ([0-9.E]+)")
                .matcher(get("Bailey", "/metrics"));
        assertTrue(metric.find());
        long scraped = (long) Double.parseDouble(metric.group(1));
        JsonObject log = status("Bailey").getJsonObject("log");
        long written = log.getLong("writtenLines");
        assertTrue(scraped > 0 && scraped <= written, scraped + " scraped, " + written + " in /status");
        assertEquals(0L, log.getLong("droppedLines"));
        herd.close();
        herd = null;

        // Every line counted is in the file (it may have more: those logged after the count was read).
        long inFile = Files.readAllLines(logs.resolve("Bailey.log")).stream()
                .filter(line -> line.contains(" <- ") || line.contains(" -> ")).count();
        assertTrue(inFile >= written, inFile + " traffic lines in the file, " + written + " counted");
    }

    /** Sends {@code count} IAMATs of clients named {@code prefix}0, 1, ... in one write, and reads every reply. */
    private void pipelineToBailey(String prefix, int count) throws IOException {
        StringBuilder burst = new StringBuilder();
        for (int i = 0; i < count; i++) {
            burst.append("IAMAT ").append(prefix).append(i).append(" +1+1 1\n");
        }
        try (LineClient client = new LineClient(herd.port("Bailey"))) {
            client.send(burst.toString());
            for (int i = 0; i < count; i++) {
                client.readLine();
            }
        }
    }

    private long writtenLines() {
        try {
            return status("Bailey").getJsonObject("log").getLong("writtenLines");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MemberConfigBuilder tinyQueue(MemberConfigBuilder c) {
        return c.log(new LogConfig(10, 200, true, 1));
    }

    /** The label of the connection whose line received matches {@code line}. */
    private static String connection(List<String> log, String line) {
        Pattern pattern = Pattern.compile(" DEBUG (#[0-9]+) <- " + line);
        for (String logged : log) {
            Matcher m = pattern.matcher(logged);
            if (m.find()) {
                return m.group(1);
            }
        }
        throw new AssertionError("no line " + line + " received in " + log);
    }

    private static boolean has(List<String> log, String regex) {
        Pattern pattern = Pattern.compile(regex);
        return log.stream().anyMatch(line -> pattern.matcher(line).find());
    }

    private JsonObject status(String member) throws IOException {
        return new JsonObject(get(member, "/status"));
    }

    private String get(String member, String path) throws IOException {
        try (InputStream in = URI.create("http://127.0.0.1:" + herd.adminPort(member) + path).toURL().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
