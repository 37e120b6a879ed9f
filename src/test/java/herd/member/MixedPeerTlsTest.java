package herd.member;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import herd.config.PlacesConfig;
import herd.testing.Await;
import herd.testing.LineClient;
import herd.testing.PeerPorts;
import herd.testing.PeerRefusals;
import herd.testing.TestCa;
import herd.testing.TestHerd;
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

/**
 * The standard herd with peer TLS at every member but Clark (security.md, Refusals): Clark's plain
 * peer port refuses the TLS members that dial it, their TLS peer ports refuse Clark, each side
 * counts it (the TLS member its own dialling too), and Clark's table stays its own while the others flood among themselves.
 */
@ExtendWith(VertxExtension.class)
class MixedPeerTlsTest {

    private TestHerd herd;
    private Path dir;

    @BeforeEach
    void start(Vertx vertx, @TempDir Path dir) {
        this.dir = dir;
        TestCa ca = TestCa.create(dir, "herd");
        herd = TestHerd.standard(vertx, dir, PlacesConfig.offline(),
                PeerPorts.withTls(name -> name.equals("Clark") ? null : ca.member(name)));
        herd.names().forEach(herd::startMember);
    }

    @AfterEach
    void stop() {
        herd.close();
    }

    @Test
    void aTlsMemberAndAPlainOneRefuseEachOtherAndNothingCrosses() throws IOException {
        PeerRefusals.await(herd.adminPort("Clark"), dir.resolve("Clark.log"), "tls-on-plain");
        PeerRefusals.await(herd.adminPort("Bona"), dir.resolve("Bona.log"), "not-tls");
        Await.until("Bona's dialling of Clark counted as refused", Duration.ofSeconds(15),
                () -> PeerRefusals.count(herd.adminPort("Bona"), "tls-handshake") >= 1);
        Await.until("Bailey's links up", Duration.ofSeconds(15),
                () -> herd.status("Bailey").linksUp().containsAll(herd.status("Bailey").links().keySet()));
        try (LineClient bailey = new LineClient(herd.port("Bailey"))) {
            assertTrue(bailey.send("IAMAT kiwi +34.068930-118.445127 1621464827.5\n").readLine().startsWith("AT Bailey "));
        }
        Await.until("kiwi at Jaquez", Duration.ofSeconds(10), () -> herd.member("Jaquez").table().get("kiwi").isPresent());
        assertFalse(herd.member("Clark").table().get("kiwi").isPresent());
        assertTrue(herd.status("Clark").linksUp().isEmpty());
    }
}
