package herd.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import herd.config.PlacesConfig;
import herd.testing.ClientTlsPorts;
import herd.testing.TestCa;
import herd.testing.TestHerd;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import picocli.CommandLine;

/** herd-bench against a real herd, briefly: it must load every member and read their figures. */
@ExtendWith(VertxExtension.class)
class HerdBenchTest {

    private static final String TOKEN = "0123456789abcdef-admin";

    @Test
    void measuresThroughputRepliesAndPropagationOfARealHerd(Vertx vertx, @TempDir Path dir) throws Exception {
        try (TestHerd herd = TestHerd.standard(vertx, dir, PlacesConfig.offline()).start()) {
            Path herdFile = herd.writeHerdFile(dir.resolve("herd.json"));
            Path json = dir.resolve("results.json");
            JsonObject results = bench(json, "--herd", herdFile.toString(), "-c", "10",
                    "-r", "500", "-d", "2", "-w", "1", "--whatsat", "0.1", "--json", json.toString(),
                    "--hgrm", dir.resolve("replies.hgrm").toString(), "--csv", dir.resolve("run.csv").toString(),
                    "--svg", dir.resolve("run.svg").toString(), "--cpu-of", String.valueOf(ProcessHandle.current().pid()));
            assertTrue(results.getLong("repliesPerSecond") > 300, results.encodePrettily());
            assertEquals(0, results.getLong("unanswered"));
            assertEquals(0, results.getLong("invalidReplies"));
            assertTrue(results.getJsonObject("replyLatencyMs").getLong("count") > 500, results.encodePrettily());
            assertTrue(results.getLong("sustainedPerSecond") > 0.8 * results.getLong("repliesPerSecond"),
                    "every member applied (nearly) every update: " + results.encodePrettily());
            List<String> csv = Files.readAllLines(dir.resolve("run.csv"));
            assertEquals(Timeline.CSV_HEADER, csv.get(0));
            assertEquals(List.of("seed", "warm-up", "measure", "measure"),
                    csv.stream().skip(1).map(row -> row.split(",")[1]).toList(), String.join("\n", csv));
            String hgrm = Files.readString(dir.resolve("replies.hgrm"));
            assertTrue(hgrm.contains("Percentile") && hgrm.contains("#[Max"), hgrm);
            Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve("run.svg").toFile());
            assertEquals(4, svg.getElementsByTagName("polyline").getLength(), "p50, p99, p99.9 and max");
            assertTrue(results.getDouble("cpuMicrosPerUpdate") > 0, results.encodePrettily());
            // Each update reaches a member of the standard herd once from each neighbour but one, on average.
            JsonObject peer = results.getJsonObject("peerPerUpdate");
            assertTrue(peer.getJsonObject("linesIn").getDouble("mean") > 1, results.encodePrettily());
            assertTrue(peer.getJsonObject("repeatsIn").getDouble("mean") > 0, results.encodePrettily());
            assertTrue(results.getJsonObject("propagationAllMs").getLong("count")
                    > results.getJsonObject("propagationWorstMs").getLong("count"), "every member's figures merged");
            double worstP99 = results.getJsonObject("propagationWorstMs").getDouble("p99");
            for (String member : herd.names()) {
                JsonObject propagation = results.getJsonObject("propagationMs").getJsonObject(member);
                assertTrue(propagation.getLong("count") > 0, member);
                assertTrue(propagation.getDouble("p99") <= worstP99, member + " is not worse than the worst");
            }
        }
    }

    @Test
    void aFloodingConnectionIsCountedApartFromTheConnectionsWhoseRepliesAreTimed(Vertx vertx, @TempDir Path dir)
            throws Exception {
        try (TestHerd herd = TestHerd.standard(vertx, dir, PlacesConfig.offline()).start()) {
            Path herdFile = herd.writeHerdFile(dir.resolve("herd.json"));
            Path json = dir.resolve("results.json");
            JsonObject results = bench(json, "--herd", herdFile.toString(), "--members", "Clark",
                    "-c", "4", "-r", "200", "--flood", "2000", "-d", "2", "-w", "1", "--json", json.toString());
            assertTrue(results.getLong("floodRepliesPerSecond") > 0, results.encodePrettily());
            assertEquals(0, results.getLong("invalidReplies"), "the flood's invalid lines are not the timed ones'");
            assertTrue(results.getJsonObject("replyLatencyMs").getLong("count") > 200, results.encodePrettily());
        }
    }

    @Test
    void drivesTlsClientPortsAndResetsTheFiguresOverHttpsWithTheAdminToken(Vertx vertx, @TempDir Path dir)
            throws Exception {
        TestCa ca = TestCa.create(dir, "herd");
        try (TestHerd herd = TestHerd.standard(vertx, dir, PlacesConfig.offline(),
                new ClientTlsPorts(ca, member -> true, true)).adminToken(TOKEN).start()) {
            Path herdFile = herd.writeHerdFile(dir.resolve("herd.json"));
            Path json = dir.resolve("results.json");
            String[] args = {"--herd", herdFile.toString(), "--tls", "--ca", ca.caFile().toString(), "-c", "5", "-r", "200",
                    "-d", "1", "-w", "1", "--json", json.toString()};
            JsonObject results = bench(withToken(TOKEN), json, args);
            assertTrue(results.getLong("repliesPerSecond") > 100, results.encodePrettily());
            assertEquals(0, results.getLong("connectFailures"), results.encodePrettily());
            for (String member : herd.names()) {
                assertTrue(results.getJsonObject("propagationMs").getJsonObject(member).getLong("count") > 0, member);
            }
            assertEquals(1, run(withToken("not-the-admin-token"), args), "a member refused the reset");
            assertEquals(2, run(withToken(TOKEN), "--herd", herdFile.toString(), "-d", "1"), "no plain client ports");
        }
    }

    private static HerdBench withToken(String token) {
        HerdBench bench = new HerdBench();
        bench.adminToken = token;
        return bench;
    }

    private static JsonObject bench(Path json, String... args) throws Exception {
        return bench(new HerdBench(), json, args);
    }

    /** Runs herd-bench; a failed run fails the test with what the bench printed, its results if it wrote them. */
    private static JsonObject bench(HerdBench herdBench, Path json, String... args) throws Exception {
        StringWriter out = new StringWriter();
        CommandLine bench = new CommandLine(herdBench);
        bench.setErr(new PrintWriter(out, true));
        int exit = bench.execute(args);
        String written = Files.exists(json) ? Files.readString(json) : "(no results written)";
        assertEquals(0, exit, written + "\n" + out);
        return new JsonObject(written);
    }

    private static int run(HerdBench herdBench, String... args) {
        return new CommandLine(herdBench).execute(args);
    }
}
