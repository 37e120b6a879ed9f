package herd.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HerdConfigParserTest {

    private static final String FILE = "conf/Test.json";

    private static MemberConfig member(String json) {
        return HerdConfigParser.parse(FILE, new JsonObject(json)).members().get(0);
    }

    @Test
    void fillsInDefaults() {
        MemberConfig config = member("{\"name\": \"Clark\", \"port\": 12003, \"neighbours\": {}}");
        assertEquals("0.0.0.0", config.host());
        assertEquals(new PlacesConfig("auto", null, 5000), config.places());
        assertEquals("logs/Clark.log", config.logFile());
    }

    @Test
    void readsNeighbourAddressesInFileOrder() {
        MemberConfig config = member("{\"name\": \"A\", \"port\": 1, \"neighbours\": "
                + "{\"Z\": \"localhost:12001\", \"B\": \"[::1]:12002\", \"C\": \"10.0.0.7:9\"}}");
        assertEquals(List.of("Z", "B", "C"), List.copyOf(config.neighbours().keySet()));
        assertEquals(new PeerAddress("::1", 12002), config.neighbours().get("B"));
        assertEquals("[::1]:12002", config.neighbours().get("B").toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"port\": 1, \"neighbours\": {}}                                         | name",
        "{\"name\": \"\", \"port\": 1, \"neighbours\": {}}                         | name",
        "{\"name\": \"a b\", \"port\": 1, \"neighbours\": {}}                      | name",
        "{\"name\": \"A\", \"neighbours\": {}}                                     | port",
        "{\"name\": \"A\", \"port\": \"12000\", \"neighbours\": {}}                | port",
        "{\"name\": \"A\", \"port\": 1.5, \"neighbours\": {}}                      | port",
        "{\"name\": \"A\", \"port\": 70000, \"neighbours\": {}}                    | port",
        "{\"name\": \"A\", \"port\": 1}                                            | neighbours",
        "{\"name\": \"A\", \"port\": 1, \"neighbours\": []}                        | neighbours",
        "{\"name\": \"A\", \"port\": 1, \"neighbours\": {\"A\": \"localhost:2\"}}  | neighbours.A",
        "{\"name\": \"A\", \"port\": 1, \"neighbours\": {\"B\": \"localhost\"}}    | neighbours.B",
        "{\"name\": \"A\", \"port\": 1, \"neighbours\": {\"B\": \"h:0\"}}          | neighbours.B",
        "{\"name\": \"A\", \"port\": 1, \"neighbours\": {\"B\": 12}}               | neighbours.B",
        "{\"name\": \"A\", \"port\": 1, \"neighbours\": {}, \"places\": {\"provider\": \"bing\"}}  | places.provider",
        "{\"name\": \"A\", \"port\": 1, \"neighbours\": {}, \"places\": {\"timeoutMs\": 0}}        | places.timeoutMs",
        "{\"name\": \"A\", \"port\": 1, \"neighbours\": {}, \"places\": {\"key\": \"x\"}}          | places.key",
        "{\"name\": \"A\", \"port\": 1, \"neighbours\": {}, \"places\": {\"cacheTtlSeconds\": -1}}  | places.cacheTtlSeconds",
        "{\"name\": \"A\", \"port\": 1, \"neighbours\": {}, \"places\": {\"maxInFlight\": 0}}      | places.maxInFlight",
        "{\"name\": \"A\", \"port\": 1, \"neighbours\": {}, \"places\": {\"queueTimeoutMs\": \"1\"}} | places.queueTimeoutMs",
        "{\"name\": \"A\", \"port\": 1, \"neighbours\": {}, \"places\": 5}                         | places",
        "{\"name\": \"A\", \"port\": 1, \"neighbours\": {}, \"logfile\": \"x\"}                    | logfile",
        "{\"name\": \"A\", \"port\": 1, \"neighbours\": {}, \"host\": 5}                           | host",
    })
    void aBadFieldIsNamedWithItsFile(String json, String field) {
        ConfigException e = assertThrows(ConfigException.class, () -> member(json));
        assertTrue(e.getMessage().startsWith(FILE + ": " + field + ": "), e.getMessage());
    }

    @Test
    void aHerdFileNamesTheMemberByItsIndex() {
        ConfigException e = assertThrows(ConfigException.class, () -> HerdConfigParser.parse(FILE, new JsonObject(
                "{\"servers\": [{\"name\": \"A\", \"port\": 1, \"neighbours\": {}},"
                        + " {\"name\": \"B\", \"port\": 2, \"neighbours\": {\"C\": \"nowhere\"}}]}")));
        assertTrue(e.getMessage().startsWith(FILE + ": servers[1].neighbours.C: "), e.getMessage());
    }

    @Test
    void aHerdFileRefusesTwinNamesAndPorts() {
        String twinNames = "{\"servers\": [{\"name\": \"A\", \"port\": 1, \"neighbours\": {}},"
                + " {\"name\": \"A\", \"port\": 2, \"neighbours\": {}}]}";
        String twinPorts = "{\"servers\": [{\"name\": \"A\", \"port\": 1, \"neighbours\": {}},"
                + " {\"name\": \"B\", \"port\": 1, \"neighbours\": {}}]}";
        assertTrue(assertThrows(ConfigException.class, () -> HerdConfigParser.parse(FILE, new JsonObject(twinNames)))
                .getMessage().startsWith(FILE + ": servers[1].name: "));
        assertTrue(assertThrows(ConfigException.class, () -> HerdConfigParser.parse(FILE, new JsonObject(twinPorts)))
                .getMessage().startsWith(FILE + ": servers[1].port: "));
        assertTrue(assertThrows(ConfigException.class, () -> HerdConfigParser.parse(FILE, new JsonObject("{\"servers\": []}")))
                .getMessage().startsWith(FILE + ": servers: "));
    }

    @Test
    void theShippedFilesHoldTheStandardHerd() throws IOException {
        Map<String, Set<String>> standard = Map.of(
                "Bailey", Set.of("Bona", "Campbell"),
                "Bona", Set.of("Bailey", "Campbell", "Clark"),
                "Campbell", Set.of("Bailey", "Bona", "Jaquez"),
                "Clark", Set.of("Bona", "Jaquez"),
                "Jaquez", Set.of("Campbell", "Clark"));
        Map<String, Integer> ports = Map.of("Bailey", 12000, "Bona", 12001, "Campbell", 12002, "Clark", 12003, "Jaquez", 12004);

        HerdConfig herd = parseFile(Path.of("conf/herd.json"));
        Map<String, Set<String>> topology = new TreeMap<>();
        for (MemberConfig member : herd.members()) {
            topology.put(member.name(), new TreeSet<>(member.neighbours().keySet()));
            assertEquals(ports.get(member.name()), member.port());
            member.neighbours().forEach((name, address) ->
                    assertEquals(new PeerAddress("localhost", ports.get(name)), address));
            assertEquals(member, parseFile(Path.of("conf", member.name() + ".json")).members().get(0));
        }
        assertEquals(new TreeMap<>(standard), topology);
    }

    private static HerdConfig parseFile(Path file) throws IOException {
        return HerdConfigParser.parse(file.toString(), new JsonObject(Files.readString(file)));
    }
}
