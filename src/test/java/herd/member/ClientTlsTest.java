package herd.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import herd.config.PlacesConfig;
import herd.testing.Await;
import herd.testing.ClientTlsPorts;
import herd.testing.LineClient;
import herd.testing.TestCa;
import herd.testing.TestHerd;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standard herd with a TLS client port at every member, and Clark with no plain client port
 * (security.md, Client TLS): TLS clients are served as plain ones are, and a client on the wrong
 * kind of port is closed, told once in the log, and changes nothing.
 */
@ExtendWith(VertxExtension.class)
class ClientTlsTest {

    private static final Duration READ = Duration.ofSeconds(10);
    /** Bailey's: its plain and TLS clients count together. */
    private static final int MAX_CLIENTS = 3;
    private static final String IAMAT = "IAMAT kiwi +34.068930-118.445127 1621464827.5\n";

    private TestCa ca;
    private TestHerd herd;
    private Path dir;

    @BeforeEach
    void start(Vertx vertx, @TempDir Path dir) {
        this.dir = dir;
        ca = TestCa.create(dir, "herd");
        ClientTlsPorts tls = new ClientTlsPorts(ca, "Clark"::equals, false);
        herd = TestHerd.standard(vertx, dir, PlacesConfig.offline(),
                c -> tls.apply(c.build().name().equals("Bailey") ? c.maxClients(MAX_CLIENTS) : c)).start();
    }

    @AfterEach
    void stop() {
        herd.close();
    }

    private int tlsPort(String member) {
        return herd.member(member).tlsPort();
    }

    @Test
    void aTlsClientThatHalfClosesGetsEveryReplyAndItsIamatFloods() throws IOException {
        assertEquals(0, herd.member("Clark").port());
        try (LineClient clark = new LineClient(ca.client(tlsPort("Clark")), READ)) {
            clark.send(IAMAT + "WHATSAT kiwi 10 1").shutdownOutput();
            assertTrue(clark.readLine().startsWith("AT Clark "));
            assertTrue(clark.readWhatsAtReply().contains("\"name\" : \"Los Angeles\""));
            assertNull(clark.readLine());
        }
        Await.until("kiwi at Bailey", READ, () -> herd.member("Bailey").table().get("kiwi").isPresent());
        awaitLogged("Clark", "IAMAT kiwi +34.068930-118.445127 1621464827.5");
    }

    @Test
    void theLineLimitAndInvalidCommandsAreAsOnThePlainPort() throws IOException {
        try (LineClient bailey = new LineClient(ca.client(tlsPort("Bailey")), READ)) {
            assertEquals("? HERD-PEER Bona 00112233445566778899aabbccddeeff",
                    bailey.send("HERD-PEER Bona 00112233445566778899aabbccddeeff\n").readLine());
            String overlong = bailey.send("x".repeat(20_000) + "\n").readLine();
            assertTrue(overlong.startsWith("? xxx") && overlong.length() <= 8 * 1024 + 2, overlong.length() + "");
        }
    }

    @Test
    void maxClientsBoundsThePlainAndTheTlsPortTogether() throws IOException {
        try (LineClient plain = new LineClient(herd.port("Bailey"));
             LineClient tls = new LineClient(ca.client(tlsPort("Bailey")), READ);
             LineClient another = new LineClient(ca.client(tlsPort("Bailey")), READ)) {
            for (LineClient client : List.of(plain, tls, another)) {
                assertTrue(client.send(IAMAT).readLine().startsWith("AT Bailey "));
            }
            try (LineClient oneTooMany = new LineClient(herd.port("Bailey"))) {
                assertNull(oneTooMany.send(IAMAT).readLine());
            }
        }
    }

    @Test
    void opensslSClientIsAClient() throws Exception {
        assumeTrue(onPath("openssl"), "openssl is not installed");
        Process openssl = new ProcessBuilder("openssl", "s_client", "-quiet", "-verify_return_error",
                "-CAfile", ca.caFile().toString(), "-connect", "127.0.0.1:" + tlsPort("Clark"))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (Writer in = new java.io.OutputStreamWriter(openssl.getOutputStream(), StandardCharsets.UTF_8);
             BufferedReader out = new BufferedReader(new InputStreamReader(openssl.getInputStream(),
                     StandardCharsets.UTF_8))) {
            in.write(IAMAT);
            in.flush();
            String reply = out.readLine();
            assertTrue(reply != null && reply.startsWith("AT Clark ") && reply.endsWith(IAMAT.substring(6).strip()),
                    String.valueOf(reply));
        } finally {
            openssl.destroy();
            openssl.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void plainTextOnTheTlsPortIsClosedAndLoggedOnceWithoutAStackTrace() throws IOException {
        try (LineClient plain = new LineClient(tlsPort("Clark"), READ)) {
            String answer = plain.send(IAMAT).readToEnd();
            assertFalse(answer.contains("AT"), answer);
        }
        awaitLogged("Clark", "a connection to the TLS client port " + tlsPort("Clark") + " closed (not-tls)");
        assertEquals(1, logLines("Clark", "closed (not-tls)").size());
        assertTrue(logLines("Clark", "\tat ").isEmpty(), "a stack trace in the log");
        assertTrue(herd.member("Clark").table().get("kiwi").isEmpty());
    }

    @Test
    void aTlsHandshakeOnThePlainClientPortIsClosedAndLoggedOnce() {
        assertThrows(SSLException.class, () -> ca.client(herd.port("Bailey")).close());
        awaitLogged("Bailey", "closed: it opened with a TLS handshake, and port " + herd.port("Bailey") + " is plain TCP");
        assertEquals(1, logLines("Bailey", "opened with a TLS handshake").size());
        assertTrue(logLines("Bailey", "\tat ").isEmpty(), "a stack trace in the log");
        assertEquals(0, herd.member("Bailey").table().size());
    }

    @Test
    void aReplacedCertificateIsPresentedToNewConnections() throws IOException {
        BigInteger before = serverCertificateSerial();
        ca.server("Clark");
        BigInteger after = TestCa.serialOf(dir.resolve("herd-Clark.pem"));
        assertNotEquals(before, after);
        Await.until("Clark took its new certificate", READ, () -> serverCertificateSerial().equals(after));
        awaitLogged("Clark", "client TLS: the certificate files changed; new connections use them");
    }

    private BigInteger serverCertificateSerial() {
        try (SSLSocket socket = (SSLSocket) ca.client(tlsPort("Clark"))) {
            return ((X509Certificate) socket.getSession().getPeerCertificates()[0]).getSerialNumber();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitLogged(String member, String text) {
        Await.until("logged: " + text, READ, () -> !logLines(member, text).isEmpty());
    }

    private List<String> logLines(String member, String text) {
        try {
            return Files.readAllLines(dir.resolve(member + ".log")).stream().filter(line -> line.contains(text)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean onPath(String program) {
        return java.util.Arrays.stream(System.getenv("PATH").split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }
}
