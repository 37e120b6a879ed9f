package herd.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules across the members of a herd file ({@code {"servers": [...]}}). */
class HerdFileTest {

    private static final String FILE = "conf/herd.json";

    private static HerdConfig herd(String... members) {
        return HerdConfigParser.parse(FILE, new JsonObject("{\"servers\": [" + String.join(", ", members) + "]}"));
    }

    private static String member(String name, int port, String extra) {
        return "{\"name\": \"" + name + "\", \"port\": " + port + ", \"neighbours\": {}" + extra + "}";
    }

    @Test
    void keepsTheMembersInFileOrder() {
        HerdConfig herd = herd(member("B", 2, ""), member("A", 1, ""));
        assertEquals(List.of("B", "A"), herd.members().stream().map(MemberConfig::name).toList());
    }

    @Test
    void aMemberIsNamedByItsIndex() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> herd(member("A", 1, ""), "{\"name\": \"B\", \"port\": 2, \"neighbours\": {\"C\": \"nowhere\"}}"));
        assertEquals(FILE + ": servers[1].neighbours.C: malformed address \"nowhere\" (expected host:port or [v6]:port)",
                e.getMessage());
    }

    @Test
    void onePortOnTwoSpecificHostsIsAllowed() {
        HerdConfig herd = herd(member("A", 1, ", \"host\": \"127.0.0.1\""), member("B", 1, ", \"host\": \"127.0.0.2\""));
        assertEquals(2, herd.members().size());
    }

    @ParameterizedTest(name = "{1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "{'servers': []}                    | servers    | non-empty array",
        "{'servers': {}}                    | servers    | non-empty array",
        "{'servers': [5]}                   | servers[0] | member object",
        "{'servers': [], 'name': 'A'}       | name       | a herd file holds only \"servers\"",
        "{'servers': [{'name': 'A', 'port': 1, 'neighbours': {}}, {'name': 'A', 'port': 2, 'neighbours': {}}]}"
                + "                         | servers[1].name | also the name of servers[0]",
        "{'servers': [{'name': 'A', 'port': 1, 'neighbours': {}}, {'name': 'B', 'port': 1, 'neighbours': {}}]}"
                + "                         | servers[1].port | clashes with servers[0].port",
        "{'servers': [{'name': 'A', 'port': 1, 'neighbours': {}, 'host': '127.0.0.1'},"
                + " {'name': 'B', 'port': 1, 'neighbours': {}}] }"
                + "                         | servers[1].port | 1 on 0.0.0.0 clashes with servers[0].port (1 on 127.0.0.1)",
        "{'servers': [{'name': 'A', 'port': 1, 'neighbours': {}, 'admin': {'port': 9}},"
                + " {'name': 'B', 'port': 2, 'neighbours': {}, 'admin': {'port': 9}}]}"
                + "                         | servers[1].admin.port | clashes with servers[0].admin.port",
        "{'servers': [{'name': 'A', 'port': 1, 'neighbours': {}, 'logFile': 'logs/x.log'},"
                + " {'name': 'B', 'port': 2, 'neighbours': {}, 'logFile': 'logs/../logs/x.log'}]}"
                + "                         | servers[1].logFile | also the log file of servers[0]",
        "{'servers': [{'name': 'A', 'port': 1, 'neighbours': {}}, {'name': 'B', 'port': 'x', 'neighbours': {}}]}"
                + "                         | servers[1].port | must be an integer",
    })
    void aBadHerdIsNamedWithItsFileAndField(String json, String field, String problem) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> HerdConfigParser.parse(FILE, new JsonObject(json.replace('\'', '"'))));
        assertTrue(e.getMessage().startsWith(FILE + ": " + field + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }
}
