package herd.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** conf/ holds the standard herd (architecture.md, Topology), once as member files and once as a herd file. */
class ShippedConfigTest {

    private static final Map<String, Set<String>> STANDARD_NEIGHBOURS = Map.of(
            "Bailey", Set.of("Bona", "Campbell"),
            "Bona", Set.of("Bailey", "Campbell", "Clark"),
            "Campbell", Set.of("Bailey", "Bona", "Jaquez"),
            "Clark", Set.of("Bona", "Jaquez"),
            "Jaquez", Set.of("Campbell", "Clark"));
    private static final Map<String, Integer> STANDARD_PORTS =
            Map.of("Bailey", 12000, "Bona", 12001, "Campbell", 12002, "Clark", 12003, "Jaquez", 12004);

    private static HerdConfig parseFile(Path file) throws IOException {
        return HerdConfigParser.parse(file.toString(), new JsonObject(Files.readString(file)));
    }

    @Test
    void theHerdFileHoldsTheStandardTopologyAndPorts() throws IOException {
        Map<String, Set<String>> topology = new TreeMap<>();
        for (MemberConfig member : parseFile(Path.of("conf/herd.json")).members()) {
            topology.put(member.name(), new TreeSet<>(member.neighbours().keySet()));
            assertEquals(STANDARD_PORTS.get(member.name()), member.port(), member.name());
            member.neighbours().forEach((name, address) ->
                    assertEquals(new PeerAddress("localhost", STANDARD_PORTS.get(name)), address, member.name()));
            assertEquals(PlacesConfig.DEFAULTS, member.places(), member.name());
            assertEquals("logs/" + member.name() + ".log", member.logFile());
        }
        assertEquals(new TreeMap<>(STANDARD_NEIGHBOURS), topology);
    }

    @Test
    void eachMemberFileEqualsItsEntryInTheHerdFile() throws IOException {
        List<MemberConfig> herd = parseFile(Path.of("conf/herd.json")).members();
        for (MemberConfig member : herd) {
            assertEquals(List.of(member), parseFile(Path.of("conf", member.name() + ".json")).members());
        }
        assertEquals(STANDARD_PORTS.keySet(), Set.copyOf(herd.stream().map(MemberConfig::name).toList()));
    }

    @Test
    void neighboursAreSymmetric() throws IOException {
        Map<String, MemberConfig> byName = new TreeMap<>();
        parseFile(Path.of("conf/herd.json")).members().forEach(member -> byName.put(member.name(), member));
        byName.values().forEach(member -> member.neighbours().keySet().forEach(neighbour ->
                assertTrue(byName.get(neighbour).neighbours().containsKey(member.name()),
                        neighbour + " does not list " + member.name() + " back")));
    }
}
