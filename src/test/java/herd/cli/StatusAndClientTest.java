package herd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import herd.config.PlacesConfig;
import herd.testing.Await;
import herd.testing.TestHerd;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code herd status} and {@code herd client} against a real herd on loopback. */
@ExtendWith(VertxExtension.class)
class StatusAndClientTest {

    private TestHerd herd;
    private Path herdFile;

    @BeforeEach
    void start(Vertx vertx, @TempDir Path dir) throws Exception {
        herd = TestHerd.standard(vertx, dir, PlacesConfig.offline()).start();
        herdFile = herd.writeHerdFile(dir.resolve("herd.json"));
    }

    @AfterEach
    void stop() {
        herd.close();
    }

    @Test
    void statusShowsEveryMemberAndExitsZeroForASettledHerd() {
        CommandRun status = CommandRun.of(new StatusCommand(), herdFile.toString());
        assertEquals(0, status.exit(), status.out());
        for (String member : herd.names()) {
            assertTrue(status.out().lines().anyMatch(line -> line.startsWith(member + " ")), status.out());
        }
        assertTrue(status.out().contains("tables: equal at every member that answered"), status.out());
    }

    @Test
    void statusExitsOneAndSaysWhichMemberDidNotAnswer() {
        herd.stopMember("Jaquez");
        Await.until("Jaquez's neighbours see it down", Duration.ofSeconds(10),
                () -> !herd.status("Clark").linksUp().contains("Jaquez"));
        CommandRun status = CommandRun.of(new StatusCommand(), herdFile.toString());
        assertEquals(1, status.exit(), status.out());
        assertTrue(status.out().contains("Jaquez       no answer from 127.0.0.1:"), status.out());
        assertTrue(status.out().contains("down: Jaquez"), status.out());
    }

    @Test
    void aPipedClientSendsItsLinesHalfClosesAndPrintsEveryReply() {
        ClientCommand client = new ClientCommand();
        client.interactive = false;
        client.in = new ByteArrayInputStream("IAMAT kiwi +34.068930-118.445127 1621464827.5\nWHATSAT kiwi 10 1\nnonsense\n"
                .getBytes(StandardCharsets.US_ASCII));
        CommandRun piped = CommandRun.of(client, "127.0.0.1:" + herd.port("Clark"));
        assertEquals(0, piped.exit(), piped.out());
        assertTrue(piped.out().startsWith("AT Clark "), piped.out());
        assertTrue(piped.out().contains("\"name\" : \"Los Angeles\""), piped.out());
        assertTrue(piped.out().strip().endsWith("? nonsense"), piped.out());
    }

    @Test
    void aMalformedAddressIsAUsageError() {
        ClientCommand client = new ClientCommand();
        client.interactive = false;
        CommandRun wrong = CommandRun.of(client, "nowhere");
        assertEquals(2, wrong.exit());
        assertTrue(wrong.err().contains("expected HOST:PORT (e.g. 127.0.0.1:12003), not nowhere"), wrong.err());
    }
}
