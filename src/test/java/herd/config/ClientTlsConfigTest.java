package herd.config;

import static herd.config.HerdConfigParserTest.FILE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The TLS client port and the admin endpoint's HTTPS in a member file (security.md, Client TLS; admin.md, HTTPS). */
class ClientTlsConfigTest {

    /** Single quotes for double, to keep the JSON readable here. */
    private static MemberConfig member(String json) {
        return HerdConfigParserTest.member(json.replace('\'', '"'));
    }

    @Test
    void aTlsOnlyMemberHasNoPlainPort() {
        MemberConfig config = member("{'name': 'A', 'peerPort': 12200, 'neighbours': {},"
                + " 'clientTls': {'port': 12300, 'key': 'tls/A.key', 'cert': 'tls/A.pem'},"
                + " 'admin': {'port': 12100, 'tls': {'key': 'tls/admin.key', 'cert': 'tls/admin.pem', 'reloadCheckSeconds': 60}}}");
        assertFalse(config.hasPlainPort());
        assertEquals(new ClientTlsConfig(12300, new ServerTlsConfig("tls/A.key", "tls/A.pem", 10)), config.clientTls());
        assertEquals(new ServerTlsConfig("tls/admin.key", "tls/admin.pem", 60), config.admin().tls());
        assertEquals("https", config.admin().scheme());
        assertEquals("12300 (TLS)", config.clientPorts());
    }

    @Test
    void bothClientPortsMayListen() {
        MemberConfig config = member("{'name': 'A', 'port': 12000, 'neighbours': {},"
                + " 'clientTls': {'port': 12300, 'key': 'k', 'cert': 'c'}}");
        assertTrue(config.hasPlainPort());
        assertEquals("12000 and 12300 (TLS)", config.clientPorts());
    }

    @ParameterizedTest(name = "{1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "{'name': 'A', 'neighbours': {}, 'peerPort': 2}                                          | port | missing",
        "{'name': 'A', 'neighbours': {}, 'clientTls': {'port': 3, 'key': 'k', 'cert': 'c'}}      | peerPort | missing: a member without a plain client port",
        "{'name': 'A', 'port': 1, 'neighbours': {}, 'clientTls': 3}                              | clientTls | must be an object",
        "{'name': 'A', 'port': 1, 'neighbours': {}, 'clientTls': {'key': 'k', 'cert': 'c'}}      | clientTls.port | missing",
        "{'name': 'A', 'port': 1, 'neighbours': {}, 'clientTls': {'port': 0, 'key': 'k', 'cert': 'c'}} | clientTls.port | not 0",
        "{'name': 'A', 'port': 1, 'neighbours': {}, 'clientTls': {'port': 3, 'cert': 'c'}}       | clientTls.key | missing",
        "{'name': 'A', 'port': 1, 'neighbours': {}, 'clientTls': {'port': 3, 'key': 'k', 'cert': ''}} | clientTls.cert | non-empty string",
        "{'name': 'A', 'port': 1, 'neighbours': {}, 'clientTls': {'port': 3, 'key': 'k', 'cert': 'c', 'ca': 'x'}} | clientTls.ca | unknown field",
        "{'name': 'A', 'port': 1, 'neighbours': {}, 'clientTls': {'port': 3, 'key': 'k', 'cert': 'c', 'reloadCheckSeconds': 0}} | clientTls.reloadCheckSeconds | not 0",
        "{'name': 'A', 'port': 1, 'neighbours': {}, 'clientTls': {'port': 1, 'key': 'k', 'cert': 'c'}} | clientTls.port | clashes with port",
        "{'name': 'A', 'port': 1, 'neighbours': {}, 'peerPort': 3, 'clientTls': {'port': 3, 'key': 'k', 'cert': 'c'}} | peerPort | clashes with clientTls.port",
        "{'name': 'A', 'port': 1, 'neighbours': {}, 'admin': {'port': 2, 'tls': true}}           | admin.tls | must be an object",
        "{'name': 'A', 'port': 1, 'neighbours': {}, 'admin': {'port': 2, 'tls': {'cert': 'c'}}}  | admin.tls.key | missing",
        "{'name': 'A', 'port': 1, 'neighbours': {}, 'admin': {'port': 2, 'tls': {'key': 'k', 'cert': 'c', 'port': 4}}} | admin.tls.port | unknown field",
    })
    void aBadFieldIsNamedWithItsFile(String json, String field, String problem) {
        ConfigException e = assertThrows(ConfigException.class, () -> member(json));
        assertTrue(e.getMessage().startsWith(FILE + ": " + field + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }
}
