package herd.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import herd.config.PeerTlsConfig;
import herd.config.PlacesConfig;
import herd.config.PlacesConfig.Provider;
import herd.testing.Flooding;
import herd.testing.LineClient;
import herd.testing.PeerPorts;
import herd.testing.PeerRefusals;
import herd.testing.PlacesStandIn;
import herd.testing.TestCa;
import herd.testing.TestHerd;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The standard herd with a peer port for each member (security.md, Peer port). */
@ExtendWith(VertxExtension.class)
class PeerPortTest {

    private static final String HELLO = "HERD-PEER Bailey 00112233445566778899aabbccddeeff";

    private PlacesStandIn google;
    private PeerPorts peerPorts;
    private TestHerd herd;
    private Path logs;

    @BeforeEach
    void start(Vertx vertx, @TempDir Path logs) {
        this.logs = logs;
        google = PlacesStandIn.start(vertx);
        peerPorts = PeerPorts.plain();
        herd = TestHerd.standard(vertx, logs, PlacesConfig.of(Provider.GOOGLE, google.newUrl(), Duration.ofMillis(1000)), peerPorts).start();
    }

    @AfterEach
    void stop() {
        herd.close();
        google.close();
    }

    @Test
    void aHerdLinkedOverPeerPortsPropagatesAnIamatEverywhere() throws IOException {
        Flooding.reachesEveryMember(herd, "Clark", "kiwi");
    }

    @Test
    void aPeerHelloOnTheClientPortIsAnInvalidCommand() throws IOException {
        try (LineClient client = new LineClient(herd.port("Clark"))) {
            assertEquals("? " + HELLO, client.send(HELLO + "\n").readLine());
            String at = client.send("AT Clark +0.000000000 forged +1+1 1\n").readLine();
            assertEquals("? AT Clark +0.000000000 forged +1+1 1", at);
        }
        assertTrue(herd.member("Clark").table().get("forged").isEmpty());
    }

    @Test
    void aTlsPeerDiallingThePlainPeerPortIsRefusedLoggedAndCounted(Vertx vertx) {
        TestCa ca = TestCa.create(logs, "herd");
        PeerTlsConfig bailey = ca.member("Bailey");
        NetClient tls = vertx.createNetClient(new NetClientOptions().setSsl(true).setHostnameVerificationAlgorithm("")
                .setTrustOptions(new PemTrustOptions().addCertPath(bailey.ca()))
                .setKeyCertOptions(new PemKeyCertOptions().setKeyPath(bailey.key()).setCertPath(bailey.cert())));
        try {
            assertThrows(Exception.class, () -> tls.connect(peerPorts.port("Clark"), "127.0.0.1").await()
                    .write(HELLO + "\nAT Bailey +0.000000000 forged +1+1 1\n").await());
        } finally {
            tls.close().await();
        }
        PeerRefusals.await(herd.adminPort("Clark"), logs.resolve("Clark.log"), "tls-on-plain");
        assertTrue(herd.member("Clark").table().get("forged").isEmpty());
        assertEquals(herd.status("Bailey").digest(), herd.status("Clark").digest());
    }

    @Test
    void aClientOnThePeerPortIsClosedLoggedAndCounted() throws IOException {
        try (LineClient client = new LineClient(peerPorts.port("Clark"))) {
            assertEquals("", client.send("IAMAT kiwi +34.068930-118.445127 1621464827.5\n").readToEnd());
        }
        PeerRefusals.await(herd.adminPort("Clark"), logs.resolve("Clark.log"), "not-hello");
        assertTrue(herd.member("Clark").table().get("kiwi").isEmpty());
    }
}
