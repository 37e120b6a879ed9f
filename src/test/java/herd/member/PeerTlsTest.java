package herd.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import herd.config.PeerTlsConfig;
import herd.config.PlacesConfig;
import herd.config.PlacesConfig.Provider;
import herd.testing.Await;
import herd.testing.Flooding;
import herd.testing.LineClient;
import herd.testing.PeerPorts;
import herd.testing.PeerRefusals;
import herd.testing.PlacesStandIn;
import herd.testing.TestCa;
import herd.testing.TestHerd;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509KeyManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standard herd linked by mutual TLS on peer ports (security.md, Peer TLS): it floods as
 * before, and a connection to a peer port by anyone but the neighbour it claims to be is refused,
 * logged and counted, and changes nothing.
 */
@ExtendWith(VertxExtension.class)
class PeerTlsTest {

    /** Bona's hello to its neighbour Clark (with a nonce: the test herd has a secret). */
    private static final String HELLO = "HERD-PEER Bona 00112233445566778899aabbccddeeff\n";
    private static final String FORGED = "AT Bona +0.000000000 forged +1+1 1\n";

    private PlacesStandIn google;
    private TestCa ca;
    private PeerPorts peerPorts;
    private TestHerd herd;
    private Path dir;
    private Vertx vertx;

    @BeforeEach
    void start(Vertx vertx, @TempDir Path dir) {
        this.vertx = vertx;
        this.dir = dir;
        google = PlacesStandIn.start(vertx);
        ca = TestCa.create(dir, "herd");
        peerPorts = PeerPorts.withTls(ca::member);
        herd = TestHerd.standard(vertx, dir, PlacesConfig.of(Provider.GOOGLE, google.newUrl(), Duration.ofMillis(1000)), peerPorts).start();
    }

    @AfterEach
    void stop() {
        herd.close();
        google.close();
    }

    @Test
    void aHerdLinkedByMutualTlsPropagatesAnIamatEverywhere() throws IOException {
        Flooding.reachesEveryMember(herd, "Clark", "kiwi");
    }

    @Test
    void aConnectionWithoutAClientCertificateIsRefused() {
        assertRefused(tlsClient(null), "no-certificate");
    }

    @Test
    void aCertificateOfAnotherAuthorityIsRefused() throws IOException {
        Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
        assertRefused(presentingAlways(TestCa.create(elsewhere, "other").member("Bona")), "untrusted");
    }

    @Test
    void aValidCertificateOfAnotherMemberIsRefused() {
        Instant now = Instant.now();
        PeerTlsConfig jaquez = ca.issue("Jaquez", now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(1)), "impostor");
        assertRefused(tlsClient(jaquez), "wrong-name");
    }

    @Test
    void anExpiredCertificateIsRefused() {
        assertRefused(tlsClient(ca.expired("Bona")), "expired");
    }

    @Test
    void aPlainTextHelloOnTheTlsPeerPortIsRefused() {
        assertRefused(new NetClientOptions(), "not-tls");
    }

    @Test
    void replacedCertificateFilesAreUsedForNewLinks() {
        Path clarkCert = dir.resolve("herd-Clark.pem");
        BigInteger before = TestCa.serialOf(clarkCert);
        assertEquals(before, serverCertificateSerial());
        ca.member("Clark");
        BigInteger after = TestCa.serialOf(clarkCert);
        assertNotEquals(before, after);
        Await.until("Clark took its new certificate", Duration.ofSeconds(10),
                () -> serverCertificateSerial().equals(after));
        herd.awaitLinks();
    }

    @Test
    void unusableReplacementFilesAreLoggedAndTheCertificateBeforeKept() throws IOException {
        BigInteger before = serverCertificateSerial();
        Files.writeString(dir.resolve("herd-Clark.pem"), "-----BEGIN CERTIFICATE-----\nnot base64\n");
        awaitLogged(dir.resolve("Clark.log"), "the changed certificate files are not usable");
        assertEquals(before, serverCertificateSerial());
    }

    @Test
    void aNeighbourWhoseCertificateNamesAnotherMemberIsNotLinkedTo() {
        Instant now = Instant.now();
        ca.issue("Bona", now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(1)), "Jaquez");
        awaitLogged(dir.resolve("Jaquez.log"), "the certificate files changed");
        herd.stopMember("Clark");
        herd.startMember("Clark");
        PeerRefusals.awaitWarning(dir.resolve("Clark.log"), "link to Jaquez at 127.0.0.1:" + peerPorts.port("Jaquez")
                + " refused (wrong-name): its certificate names [Bona], not Jaquez");
        Await.until("Clark's link to Bona up", Duration.ofSeconds(10),
                () -> herd.status("Clark").linksUp().contains("Bona"));
        assertTrue(PeerRefusals.count(herd.adminPort("Clark"), "wrong-name") >= 1);
        assertFalse(herd.status("Clark").linksUp().contains("Jaquez"));
    }

    private static void awaitLogged(Path log, String text) {
        Await.until("logged: " + text, Duration.ofSeconds(10), () -> {
            try {
                return Files.readString(log).contains(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The serial number of the certificate Clark's peer port presents to a new connection. */
    private BigInteger serverCertificateSerial() {
        Instant now = Instant.now();
        NetClient client = vertx.createNetClient(tlsClient(ca.issue("Bona", now.minus(Duration.ofHours(1)),
                now.plus(Duration.ofHours(1)), "probe")));
        try {
            NetSocket socket = client.connect(peerPorts.port("Clark"), "127.0.0.1").await();
            BigInteger serial = ((X509Certificate) socket.peerCertificates().get(0)).getSerialNumber();
            socket.close();
            return serial;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            client.close();
        }
    }

    /** TLS trusting the herd's authority, presenting {@code certificate} (none if null). */
    private NetClientOptions tlsClient(PeerTlsConfig certificate) {
        NetClientOptions options = new NetClientOptions().setSsl(true).setHostnameVerificationAlgorithm("")
                .setTrustOptions(new PemTrustOptions().addCertPath(ca.caFile().toString()));
        return certificate == null ? options
                : options.setKeyCertOptions(new PemKeyCertOptions().setKeyPath(certificate.key()).setCertPath(certificate.cert()));
    }

    /**
     * TLS presenting {@code certificate} even to a server that asks for another authority's: a
     * Java client would otherwise send none, but other clients may send theirs.
     */
    private NetClientOptions presentingAlways(PeerTlsConfig certificate) {
        try {
            X509KeyManager keys = (X509KeyManager) new PemKeyCertOptions().setKeyPath(certificate.key())
                    .setCertPath(certificate.cert()).getKeyManagerFactory(vertx).getKeyManagers()[0];
            String alias = keys.getClientAliases("EC", null)[0];
            X509ExtendedKeyManager always = new X509ExtendedKeyManager() {
                @Override
                public String[] getClientAliases(String keyType, Principal[] issuers) {
                    return new String[] {alias};
                }

                @Override
                public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
                    return alias;
                }

                @Override
                public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
                    return alias;
                }

                @Override
                public String[] getServerAliases(String keyType, Principal[] issuers) {
                    return null;
                }

                @Override
                public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
                    return null;
                }

                @Override
                public X509Certificate[] getCertificateChain(String name) {
                    return keys.getCertificateChain(name);
                }

                @Override
                public PrivateKey getPrivateKey(String name) {
                    return keys.getPrivateKey(name);
                }
            };
            return tlsClient(null).setKeyCertOptions(KeyCertOptions.wrap(always));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Opens a connection to Clark's peer port in Bona's name, sends a hello and a forged update,
     * and checks that the connection ends, the refusal is logged and counted, and the table is unchanged.
     */
    private void assertRefused(NetClientOptions options, String reason) {
        NetClient client = vertx.createNetClient(options);
        Promise<Void> ended = Promise.promise();
        client.connect(peerPorts.port("Clark"), "127.0.0.1").onComplete(connected -> {
            if (connected.failed()) {
                ended.complete();
                return;
            }
            NetSocket socket = connected.result();
            socket.closeHandler(v -> ended.tryComplete());
            socket.write(Buffer.buffer(HELLO + FORGED));
        });
        ended.future().await();
        PeerRefusals.await(herd.adminPort("Clark"), dir.resolve("Clark.log"), reason);
        assertTrue(herd.member("Clark").table().get("forged").isEmpty());
        Future.succeededFuture().compose(v -> client.close()).await();
    }
}
