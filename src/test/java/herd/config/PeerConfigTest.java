package herd.config;

import static herd.config.HerdConfigParserTest.FILE;
import static herd.config.HerdConfigParserTest.member;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The peer port and peer TLS fields of a member (security.md). */
class PeerConfigTest {

    @Test
    void withoutPeerPortPeersShareTheClientPortInPlainTcp() {
        MemberConfig config = member("{\"name\": \"A\", \"port\": 12000, \"neighbours\": {}}");
        assertFalse(config.hasPeerPort());
        assertEquals(0, config.peerPort());
        assertNull(config.peerTls());
    }

    @Test
    void readsPeerPortAndPeerTls() {
        MemberConfig config = member("{\"name\": \"A\", \"port\": 12000, \"peerPort\": 12200, \"neighbours\": {},"
                + " \"peerTls\": {\"key\": \"tls/a.key\", \"cert\": \"tls/a.pem\", \"ca\": \"tls/ca.pem\"}}");
        assertTrue(config.hasPeerPort());
        assertEquals(12200, config.peerPort());
        assertEquals(new PeerTlsConfig("tls/a.key", "tls/a.pem", "tls/ca.pem",
                PeerTlsConfig.DEFAULT_RELOAD_CHECK_SECONDS), config.peerTls());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'peerPort': 0                                        | peerPort | not 0",
        "'peerPort': '12200'                                  | peerPort | not \"12200\"",
        "'peerPort': 1                                        | peerPort | clashes with port",
        "'peerPort': 7, 'admin': {'port': 7}                  | peerPort | clashes with admin.port",
        "'peerTls': {'key': 'k', 'cert': 'c', 'ca': 'a'}      | peerTls | needs a peerPort",
        "'peerPort': 7, 'peerTls': true                       | peerTls | must be an object",
        "'peerPort': 7, 'peerTls': {'cert': 'c', 'ca': 'a'}   | peerTls.key | missing",
        "'peerPort': 7, 'peerTls': {'key': 'k', 'ca': 'a'}    | peerTls.cert | missing",
        "'peerPort': 7, 'peerTls': {'key': 'k', 'cert': 'c'}  | peerTls.ca | missing",
        "'peerPort': 7, 'peerTls': {'key': '', 'cert': 'c', 'ca': 'a'} | peerTls.key | non-empty string",
        "'peerPort': 7, 'peerTls': {'key': 'k', 'cert': 'c', 'ca': 'a', 'crl': 'x'} | peerTls.crl | unknown field",
        "'peerPort': 7, 'peerTls': {'key': 'k', 'cert': 'c', 'ca': 'a', 'reloadCheckSeconds': 0} | peerTls.reloadCheckSeconds | not 0",
    })
    void aBadPeerFieldIsNamedWithItsFile(String fields, String field, String problem) {
        String json = "{'name': 'A', 'port': 1, 'neighbours': {}, " + fields + "}";
        ConfigException e = assertThrows(ConfigException.class,
                () -> HerdConfigParser.parse(FILE, new JsonObject(json.replace('\'', '"'))));
        assertTrue(e.getMessage().startsWith(FILE + ": " + field + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }
}
