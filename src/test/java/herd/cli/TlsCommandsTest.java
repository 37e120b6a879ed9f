package herd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import herd.config.PlacesConfig;
import herd.testing.ClientTlsPorts;
import herd.testing.TestCa;
import herd.testing.TestHerd;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code herd client --tls} and {@code herd status} against a herd whose members serve clients over
 * TLS only and their admin endpoints over HTTPS (security.md, Client TLS; admin.md, HTTPS).
 */
@ExtendWith(VertxExtension.class)
class TlsCommandsTest {

    private TestCa ca;
    private TestHerd herd;
    private Path herdFile;

    @BeforeEach
    void start(Vertx vertx, @TempDir Path dir) throws Exception {
        ca = TestCa.create(dir, "herd");
        herd = TestHerd.standard(vertx, dir, PlacesConfig.offline(), new ClientTlsPorts(ca, name -> true, true)).start();
        herdFile = herd.writeHerdFile(dir.resolve("herd.json"));
    }

    @AfterEach
    void stop() {
        herd.close();
    }

    @Test
    void theClientTalksToTheTlsPortTrustingTheHerdsAuthority() {
        CommandRun piped = client("IAMAT kiwi +34.068930-118.445127 1621464827.5\nnonsense\n", "--tls", "--ca",
                ca.caFile().toString(), "127.0.0.1:" + herd.member("Clark").tlsPort());
        assertEquals(0, piped.exit(), piped.err());
        assertTrue(piped.out().startsWith("AT Clark "), piped.out());
        assertTrue(piped.out().strip().endsWith("? nonsense"), piped.out());
    }

    @Test
    void theClientRefusesACertificateItCannotTrustWithOneLine() {
        CommandRun untrusted = client("IAMAT kiwi +1+1 1\n", "--tls", "127.0.0.1:" + herd.member("Clark").tlsPort());
        assertEquals(1, untrusted.exit(), untrusted.out());
        assertTrue(untrusted.err().startsWith("herd: cannot connect to 127.0.0.1:" + herd.member("Clark").tlsPort()
                + " with TLS: "), untrusted.err());
        assertFalse(untrusted.err().contains("\tat "), untrusted.err());
        assertTrue(herd.member("Clark").table().get("kiwi").isEmpty());
    }

    @Test
    void statusAsksEveryMemberOverHttps() {
        CommandRun status = CommandRun.of(new StatusCommand(), "--ca", ca.caFile().toString(), herdFile.toString());
        assertEquals(0, status.exit(), status.out() + status.err());
        for (String member : herd.names()) {
            assertTrue(status.out().lines().anyMatch(line -> line.startsWith(member + " ")
                    && !line.contains("no answer")), status.out());
        }
        assertTrue(status.out().contains("tables: equal at every member that answered"), status.out());
    }

    private CommandRun client(String input, String... args) {
        ClientCommand client = new ClientCommand();
        client.interactive = false;
        client.in = new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8));
        return CommandRun.of(client, args);
    }
}
