package herd.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import herd.core.LocationTable;
import herd.metrics.MemberMeters;
import herd.places.PlacesProvider;
import herd.places.PlacesProviders;
import herd.protocol.LineLimits;
import herd.server.ClientCount;
import herd.server.ClientLimits;
import herd.server.PortRole;
import herd.server.ProtocolServer;
import herd.testing.FreePorts;
import herd.testing.LineClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A places provider that breaks costs a client nothing but the places: every reply comes, in order. */
@ExtendWith(VertxExtension.class)
class PlacesFailureTest {

    private static final Logger LOG = LoggerFactory.getLogger("herd.member.PlacesFailureTest");

    @Test
    void aProviderThatThrowsStillAnswersEveryCommandInOrder(Vertx vertx) throws Exception {
        assertRepliesInOrder(vertx, query -> {
            throw new IllegalStateException("a bug in a provider");
        });
    }

    @Test
    void aProviderWhoseFutureFailsStillAnswersEveryCommandInOrder(Vertx vertx) throws Exception {
        assertRepliesInOrder(vertx, query -> Future.failedFuture(new IllegalStateException("the index did not load")));
    }

    private static void assertRepliesInOrder(Vertx vertx, PlacesProvider broken) throws Exception {
        LocationTable table = new LocationTable();
        Responder responder = new Responder("Solo", table, PlacesProviders.failSafe(broken, null, LOG), table::offer,
                Clock.systemUTC(), new MemberMeters("Solo"), new ReplyLatency(Responder.IAMAT, Responder.WHATSAT));
        ProtocolServer server = ProtocolServer.listen(vertx, ProtocolServer.at("127.0.0.1", FreePorts.next()), PortRole.SHARED,
                new ClientLimits(LineLimits.CLIENT, 100, Duration.ZERO, 10), new ClientCount(), responder,
                (hello, socket, id, authenticated) -> Optional.empty(), LOG).await();
        try (LineClient client = new LineClient(server.port())) {
            client.send("IAMAT kiwi +34.068930-118.445127 1621464827.5\nWHATSAT kiwi 10 5\nIAMAT next +1+1 2\n");
            String at = client.readLine();
            assertTrue(at.startsWith("AT Solo ") && at.endsWith(" kiwi +34.068930-118.445127 1621464827.5"), at);
            String whatsAt = client.readWhatsAtReply();
            assertTrue(whatsAt.startsWith(at + "\n{\n"), whatsAt);
            assertTrue(whatsAt.contains("\"results\" : [ ]") || whatsAt.contains("\"results\" : []"), whatsAt);
            assertTrue(whatsAt.contains("\"status\" : \"UNKNOWN_ERROR\""), whatsAt);
            assertTrue(whatsAt.contains("\"error_message\" : \"the places provider failed\""), whatsAt);
            String next = client.readLine();
            assertTrue(next.startsWith("AT Solo ") && next.endsWith(" next +1+1 2"), next);
        } finally {
            server.close().await();
        }
        assertEquals(2, table.size());
    }
}
