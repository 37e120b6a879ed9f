package herd.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import herd.config.HerdConfig;
import herd.config.HerdConfigParser;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Generated herds are working herds: links listed both ways, connected, of the shape asked for. */
class TopologyTest {

    @Test
    void theStandardHerdWorksAndAFloodCrossesItInTwoHops() throws IOException {
        Topology standard = Topology.of(HerdConfigParser.parse("conf/herd.json",
                new JsonObject(Files.readString(Path.of("conf/herd.json")))));
        assertEquals(List.of(), standard.problems());
        assertEquals(2, standard.diameter());
        assertEquals(6, standard.links());
    }

    @Test
    void everyShapeIsAWorkingHerdOfItsDegree() {
        for (int n : new int[] {5, 25, 50, 100}) {
            Topology ring = Shapes.ringWithChords(n, 2);
            assertEquals(List.of(), ring.problems(), "ring " + n);
            assertTrue(ring.diameter() <= n / 4 + 1, "ring " + n + ": diameter " + ring.diameter());
            Topology random = Shapes.random(n, 4, 7);
            assertEquals(List.of(), random.problems(), "random " + n);
            assertTrue(random.maxDegree() <= 4 && random.minDegree() >= 2, "random " + n);
            Topology regions = Shapes.regions(n, 3, 4, 2, 7);
            assertEquals(List.of(), regions.problems(), "regions " + n);
        }
        assertEquals(50, Shapes.ringWithChords(100, 0).diameter());
    }

    @Test
    void aLinkListedByOneEndOnlyAndAMemberCutOffAreProblems() {
        Topology topology = Topology.of(herd("""
                {"servers": [
                  {"name": "A", "port": 1, "neighbours": {"B": "h:2"}},
                  {"name": "B", "port": 2, "neighbours": {}},
                  {"name": "C", "port": 3, "neighbours": {"D": "h:9"}}]}"""));
        assertEquals(List.of("A lists B, but B does not list A", "C lists D, which is not a member",
                "not connected: A cannot reach [B, C]"), topology.problems());
        assertEquals(-1, topology.diameter());
    }

    @Test
    void writesAHerdFileAndAFilePerMemberThatTheHerdReads(@TempDir Path dir) throws IOException {
        int exit = new CommandLine(new GenerateHerd()).setCaseInsensitiveEnumValuesAllowed(true).execute(
                "--members", "50", "--shape", "regions", "--regions", "3", "--out", dir.toString());
        assertEquals(0, exit);
        HerdConfig herd = herd(Files.readString(dir.resolve("herd.json")));
        assertEquals(50, herd.members().size());
        assertEquals(List.of(), Topology.of(herd).problems());
        JsonObject member = new JsonObject(Files.readString(dir.resolve("m001.json")));
        assertEquals(herd.members().get(0).neighbours().keySet(), member.getJsonObject("neighbours").fieldNames());
        assertEquals(1, new CommandLine(new GenerateHerd()).execute("--check", writeBroken(dir).toString()));
    }

    private static Path writeBroken(Path dir) throws IOException {
        return Files.writeString(dir.resolve("broken.json"), """
                {"servers": [{"name": "A", "port": 1, "neighbours": {"B": "h:2"}}, {"name": "B", "port": 2, "neighbours": {}}]}""");
    }

    private static HerdConfig herd(String json) {
        return HerdConfigParser.parse("test", new JsonObject(json));
    }
}
