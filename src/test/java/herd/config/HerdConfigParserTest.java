package herd.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import herd.config.PlacesConfig.Provider;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules for one member object, read from a member file. */
class HerdConfigParserTest {

    static final String FILE = "conf/Test.json";

    static MemberConfig member(String json) {
        return HerdConfigParser.parse(FILE, new JsonObject(json)).members().get(0);
    }

    @Test
    void fillsInDefaults() {
        MemberConfig config = member("{\"name\": \"Clark\", \"port\": 12003, \"neighbours\": {}}");
        assertEquals("0.0.0.0", config.host());
        assertEquals(PlacesConfig.DEFAULTS, config.places());
        assertEquals("logs/Clark.log", config.logFile());
        assertNull(config.admin());
        assertTrue(config.logTraffic());
        assertEquals(Duration.ofSeconds(10), config.shutdownGrace());
        assertEquals(1000, config.maxPendingReplies());
        assertEquals(Duration.ofHours(1), config.clientIdleTimeout());
        assertEquals(20_000, config.maxClients());
    }

    @Test
    void readsEveryFieldGiven() {
        MemberConfig config = member("{\"name\": \"A\", \"host\": \"127.0.0.1\", \"port\": 12000, \"neighbours\": {},"
                + " \"places\": {\"provider\": \"google-legacy\", \"url\": \"http://127.0.0.1:9/x\", \"timeoutMs\": 250},"
                + " \"logFile\": \"/var/log/a.log\", \"logTraffic\": false, \"admin\": {\"port\": 12100},"
                + " \"shutdownGraceMs\": 0, \"maxPendingReplies\": 10, \"clientIdleTimeoutSeconds\": 0, \"maxClients\": 5,"
                + " \"syncIntervalSeconds\": 7, \"log\": {\"maxFileMB\": 50, \"maxTotalMB\": 2000, \"compress\": false,"
                + " \"queueKB\": 1024}, \"herdAdmin\": {\"B\": \"b.example:12101\"}}");
        assertEquals(MemberConfig.builder("A", 12000)
                .host("127.0.0.1")
                .places(PlacesConfig.of(Provider.GOOGLE_LEGACY, "http://127.0.0.1:9/x", Duration.ofMillis(250)))
                .logFile("/var/log/a.log")
                .admin(new AdminConfig(AdminConfig.DEFAULT_HOST, 12100))
                .logTraffic(false)
                .shutdownGrace(Duration.ZERO)
                .maxPendingReplies(10)
                .clientIdleTimeout(Duration.ZERO)
                .maxClients(5)
                .syncInterval(Duration.ofSeconds(7))
                .log(new LogConfig(50, 2000, false, 1024))
                .herdAdmin(Map.of("B", new PeerAddress("b.example", 12101)))
                .build(), config);
    }

    @Test
    void readsNeighbourAddressesInFileOrder() {
        MemberConfig config = member("{\"name\": \"A\", \"port\": 1, \"neighbours\": "
                + "{\"Z\": \"localhost:12001\", \"B\": \"[::1]:12002\", \"C\": \"10.0.0.7:9\"}}");
        assertEquals(List.of("Z", "B", "C"), List.copyOf(config.neighbours().keySet()));
        assertEquals(new PeerAddress("localhost", 12001), config.neighbours().get("Z"));
        assertEquals(new PeerAddress("::1", 12002), config.neighbours().get("B"));
        assertEquals("[::1]:12002", config.neighbours().get("B").toString());
        assertEquals(new PeerAddress("10.0.0.7", 9), config.neighbours().get("C"));
    }

    @ParameterizedTest(name = "{1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "{'port': 1, 'neighbours': {}}                                        | name | missing",
        "{'name': '', 'port': 1, 'neighbours': {}}                            | name | non-empty string",
        "{'name': 'a b', 'port': 1, 'neighbours': {}}                         | name | without spaces",
        "{'name': 7, 'port': 1, 'neighbours': {}}                             | name | not 7",
        "{'name': 'NNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNN', 'port': 1, 'neighbours': {}} | name | at most 64",
        "{'name': 'A', 'port': 1, 'neighbours': {'NNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNN': 'h:2'}} | neighbours.NNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNN | at most 64",
        "{'name': 'A', 'neighbours': {}}                                      | port | missing",
        "{'name': 'A', 'port': '12000', 'neighbours': {}}                     | port | not \"12000\"",
        "{'name': 'A', 'port': 1.5, 'neighbours': {}}                         | port | must be an integer from 1 to 65535",
        "{'name': 'A', 'port': 0, 'neighbours': {}}                           | port | not 0",
        "{'name': 'A', 'port': 70000, 'neighbours': {}}                       | port | not 70000",
        "{'name': 'A', 'port': 1, 'neighbours': {}, 'host': 5}                | host | must be a non-empty string",
        "{'name': 'A', 'port': 1}                                             | neighbours | missing",
        "{'name': 'A', 'port': 1, 'neighbours': []}                           | neighbours | must be an object",
        "{'name': 'A', 'port': 1, 'neighbours': {'A': 'localhost:2'}}         | neighbours.A | its own neighbour",
        "{'name': 'A', 'port': 1, 'neighbours': {'B': 'localhost'}}           | neighbours.B | malformed address \"localhost\"",
        "{'name': 'A', 'port': 1, 'neighbours': {'B': 'localhost:'}}          | neighbours.B | malformed address",
        "{'name': 'A', 'port': 1, 'neighbours': {'B': '::1:2'}}               | neighbours.B | malformed address",
        "{'name': 'A', 'port': 1, 'neighbours': {'B': 'h:0'}}                 | neighbours.B | port 0",
        "{'name': 'A', 'port': 1, 'neighbours': {'B': 'h:99999'}}             | neighbours.B | port 99999",
        "{'name': 'A', 'port': 1, 'neighbours': {'B': 12}}                    | neighbours.B | malformed address 12",
        "{'name': 'A', 'port': 1, 'neighbours': {}, 'herdAdmin': 5}           | herdAdmin | must be an object of member name",
        "{'name': 'A', 'port': 1, 'neighbours': {}, 'herdAdmin': {'B': 'h'}}  | herdAdmin.B | malformed address \"h\"",
        "{'name': 'A', 'port': 1, 'neighbours': {'B C': 'h:2'}}               | neighbours.B C | without spaces",
        "{'name': 'A', 'port': 1, 'neighbours': {}, 'places': 5}              | places | must be an object",
        "{'name': 'A', 'port': 1, 'neighbours': {}, 'places': {'provider': 'bing'}}    | places.provider | unknown provider \"bing\"",
        "{'name': 'A', 'port': 1, 'neighbours': {}, 'places': {'provider': 1}}         | places.provider | non-empty string",
        "{'name': 'A', 'port': 1, 'neighbours': {}, 'places': {'url': 3}}              | places.url | non-empty string",
        "{'name': 'A', 'port': 1, 'neighbours': {}, 'places': {'timeoutMs': 0}}        | places.timeoutMs | not 0",
        "{'name': 'A', 'port': 1, 'neighbours': {}, 'places': {'timeoutMs': 2.5}}      | places.timeoutMs | not 2.5",
        "{'name': 'A', 'port': 1, 'neighbours': {}, 'places': {'timeoutMs': '5000'}}   | places.timeoutMs | not \"5000\"",
        "{'name': 'A', 'port': 1, 'neighbours': {}, 'places': {'key': 'x'}}            | places.key | unknown field",
        "{'name': 'A', 'port': 1, 'neighbours': {}, 'places': {'cacheTtlSeconds': -1}} | places.cacheTtlSeconds | not -1",
        "{'name': 'A', 'port': 1, 'neighbours': {}, 'places': {'maxInFlight': 0}}      | places.maxInFlight | not 0",
        "{'name': 'A', 'port': 1, 'neighbours': {}, 'places': {'queueTimeoutMs': '1'}} | places.queueTimeoutMs | not \"1\"",
        "{'name': 'A', 'port': 1, 'neighbours': {}, 'logFile': ''}            | logFile | non-empty string",
        "{'name': 'A', 'port': 1, 'neighbours': {}, 'logFile': []}            | logFile | non-empty string",
        "{'name': 'A', 'port': 1, 'neighbours': {}, 'logTraffic': 'yes'}      | logTraffic | must be true or false, not \"yes\"",
        "{'name': 'A', 'port': 1, 'neighbours': {}, 'shutdownGraceMs': -1}    | shutdownGraceMs | must be an integer from 0 to",
        "{'name': 'A', 'port': 1, 'neighbours': {}, 'maxPendingReplies': 0}   | maxPendingReplies | not 0",
        "{'name': 'A', 'port': 1, 'neighbours': {}, 'clientIdleTimeoutSeconds': 1.5} | clientIdleTimeoutSeconds | not 1.5",
        "{'name': 'A', 'port': 1, 'neighbours': {}, 'maxClients': '10'}       | maxClients | not \"10\"",
        "{'name': 'A', 'port': 1, 'neighbours': {}, 'admin': 12100}           | admin | must be an object",
        "{'name': 'A', 'port': 1, 'neighbours': {}, 'admin': {}}              | admin.port | missing",
        "{'name': 'A', 'port': 1, 'neighbours': {}, 'admin': {'port': 1}}     | admin.port | clashes with port",
        "{'name': 'A', 'port': 1, 'neighbours': {}, 'admin': {'prot': 2}}     | admin.prot | unknown field",
        "{'name': 'A', 'port': 1, 'neighbours': {}, 'log': true}              | log | must be an object",
        "{'name': 'A', 'port': 1, 'neighbours': {}, 'log': {'maxFileMb': 2}}  | log.maxFileMb | unknown field",
        "{'name': 'A', 'port': 1, 'neighbours': {}, 'log': {'maxFileMB': 0}}  | log.maxFileMB | not 0",
        "{'name': 'A', 'port': 1, 'neighbours': {}, 'log': {'maxTotalMB': '9'}} | log.maxTotalMB | not \"9\"",
        "{'name': 'A', 'port': 1, 'neighbours': {}, 'log': {'compress': 1}}   | log.compress | must be true or false, not 1",
        "{'name': 'A', 'port': 1, 'neighbours': {}, 'log': {'queueKB': -5}}   | log.queueKB | not -5",
    })
    void aBadFieldIsNamedWithItsFile(String json, String field, String problem) {
        ConfigException e = assertThrows(ConfigException.class, () -> member(json.replace('\'', '"')));
        assertTrue(e.getMessage().startsWith(FILE + ": " + field + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    @Test
    void membersOfOneProcessKnowEachOthersAdminEndpoints() {
        HerdConfig herd = new HerdConfig(List.of(
                MemberConfig.builder("A", 12000).admin(new AdminConfig("0.0.0.0", 12100)).build(),
                MemberConfig.builder("B", 12001).admin(new AdminConfig("10.0.0.2", 12101)).build(),
                MemberConfig.builder("C", 12002).build(),
                MemberConfig.builder("D", 12003).herdAdmin(Map.of("A", new PeerAddress("a.example", 9))).build()));
        Map<String, PeerAddress> endpoints = Map.of("A", new PeerAddress("127.0.0.1", 12100),
                "B", new PeerAddress("10.0.0.2", 12101));
        List<MemberConfig> known = herd.withHerdAdmin().members();
        assertEquals(endpoints, known.get(0).herdAdmin());
        assertEquals(endpoints, known.get(2).herdAdmin());
        assertEquals(Map.of("A", new PeerAddress("a.example", 9)), known.get(3).herdAdmin(), "its own list stands");
    }

    @Test
    void anUnknownFieldIsRefusedWithTheKnownOnes() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> member("{\"name\": \"A\", \"port\": 1, \"neighbours\": {}, \"logfile\": \"x\"}"));
        assertEquals(FILE + ": logfile: unknown field (known: [admin, clientIdleTimeoutSeconds, clientTls, herdAdmin, host, log, logFile, logTraffic, "
                        + "maxClients, maxPendingReplies, name, neighbours, peerPort, peerTls, places, port, shutdownGraceMs,"
                        + " syncIntervalSeconds])",
                e.getMessage());
    }

    @Test
    void aNullUrlMeansTheProvidersOwnEndpoint() {
        MemberConfig config = member("{\"name\": \"A\", \"port\": 1, \"neighbours\": {},"
                + " \"places\": {\"provider\": \"offline\", \"url\": null}}");
        assertEquals(PlacesConfig.offline(), config.places());
    }
}
