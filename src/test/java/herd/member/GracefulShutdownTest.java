package herd.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import herd.config.MemberConfig;
import herd.config.PlacesConfig;
import herd.config.PlacesConfig.Provider;
import herd.testing.Await;
import herd.testing.LineClient;
import herd.testing.PlacesStandIn;
import herd.testing.TestHerd;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A member that stops lets its clients have the replies it owes them, then closes. */
@ExtendWith(VertxExtension.class)
class GracefulShutdownTest {

    private PlacesStandIn google;
    private TestHerd herd;

    private void start(Vertx vertx, Path logs, Duration shutdownGrace, int placesTimeoutMs) {
        google = PlacesStandIn.start(vertx);
        herd = TestHerd.standard(vertx, logs,
                PlacesConfig.of(Provider.GOOGLE, google.newUrl(), Duration.ofMillis(placesTimeoutMs)),
                c -> c.shutdownGrace(shutdownGrace)).start();
    }

    @AfterEach
    void stop() {
        herd.close();
        google.close();
    }

    @Test
    void aWhatsatOwedWhenTheMemberStopsIsAnsweredBeforeTheEndOfStream(Vertx vertx, @TempDir Path logs)
            throws IOException {
        start(vertx, logs, MemberConfig.DEFAULT_SHUTDOWN_GRACE, 5000);
        int port = herd.port("Clark");
        try (LineClient client = new LineClient(port); LineClient idle = new LineClient(port)) {
            client.send("IAMAT late +34.068930-118.445127 1\n").readLine();
            google.behave(PlacesStandIn.Behaviour.ANSWER_LATE);
            client.send("WHATSAT late 10 2\n");
            Await.until("the WHATSAT at the provider", Duration.ofSeconds(5), () -> google.requests().size() == 1);

            long start = System.nanoTime();
            herd.stopMember("Clark");
            long stopMs = (System.nanoTime() - start) / 1_000_000;

            String reply = client.readWhatsAtReply();
            assertTrue(reply.startsWith("AT Clark ") && reply.contains("\"status\" : \"OK\"") && reply.endsWith("}\n\n"),
                    reply);
            assertNull(client.readLine(), "the end of the stream after the reply");
            assertNull(idle.readLine(), "a client owed nothing is ended at once");
            assertTrue(stopMs < MemberConfig.DEFAULT_SHUTDOWN_GRACE.toMillis() / 2, "stopping took " + stopMs + " ms");
        }
        assertThrows(ConnectException.class, () -> new LineClient(port).close());
        Await.until("Clark's links down at its neighbours", Duration.ofSeconds(5),
                () -> !herd.status("Bona").linksUp().contains("Clark")
                        && !herd.status("Jaquez").linksUp().contains("Clark"));
        // The links were closed, and the stop finished, on Clark's own event loop (not on the
        // thread where the server's shutdown completes), where their unsent lines are.
        List<String> log = Files.readAllLines(logs.resolve("Clark.log"));
        String listening = log.stream().filter(line -> line.contains(" Clark listening on ")).findFirst().orElseThrow();
        String stopped = log.stream().filter(line -> line.endsWith(" Clark stopped")).findFirst().orElseThrow();
        String loop = listening.substring(listening.indexOf('['), listening.indexOf(']') + 1);
        assertTrue(loop.startsWith("[vert.x-eventloop-thread-") && stopped.contains(loop), stopped + " / " + listening);
    }

    @Test
    void whatIsStillOwedAfterTheGracePeriodIsCutOff(Vertx vertx, @TempDir Path logs) throws IOException {
        start(vertx, logs, Duration.ofMillis(200), 60_000);
        try (LineClient client = new LineClient(herd.port("Bailey"))) {
            client.send("IAMAT stuck +1+1 1\n").readLine();
            google.behave(PlacesStandIn.Behaviour.NEVER_ANSWER);
            client.send("WHATSAT stuck 10 2\n");
            Await.until("the WHATSAT at the provider", Duration.ofSeconds(5), () -> google.requests().size() == 1);

            long start = System.nanoTime();
            herd.stopMember("Bailey");
            long stopMs = (System.nanoTime() - start) / 1_000_000;

            assertEquals("", client.readToEnd());
            assertTrue(stopMs < 5000, "stopping took " + stopMs + " ms");
        }
    }
}
