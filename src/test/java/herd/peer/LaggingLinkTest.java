package herd.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import herd.config.MemberConfigBuilder;
import herd.config.PlacesConfig;
import herd.core.ClientTime;
import herd.core.Location;
import herd.core.Report;
import herd.testing.Await;
import herd.testing.LineClient;
import herd.testing.TestHerd;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A neighbour that stops reading does not make a member buffer its updates without bound:
 * the member stops reading its own clients while a link is busy, and past the link's limit
 * updates are not sent on it; once it has caught up the tables are compared, so that in the
 * end every member holds every update.
 */
class LaggingLinkTest {

    /** About 25 MB of AT lines: more than the link's limit and both ends' socket buffers. */
    private static final int UPDATES = 300_000;

    /** Its own Vert.x, with a loop per member, so that blocking Bona's loop blocks no one else. */
    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(8));
    private final CountDownLatch bonaResumes = new CountDownLatch(1);

    @AfterEach
    void closeVertx() {
        bonaResumes.countDown();
        vertx.close().await();
    }

    @Test
    void updatesForANeighbourThatStoppedReadingAreNotQueuedButRepairedOnceItReadsAgain(@TempDir Path logs)
            throws Exception {
        try (TestHerd herd = herd(logs)) {
            long unsent = floodFromClarkWhileBonaReadsNothing(herd);
            bonaResumes.countDown();

            assertTrue(unsent > 0 && unsent < UPDATES, "updates not sent to Bona: " + unsent);
            Await.until("every member holding every update", Duration.ofSeconds(90), () -> herd.running().stream()
                    .allMatch(name -> herd.member(name).table().size() == UPDATES));
            for (String name : herd.running()) {
                assertEquals(herd.member("Clark").table().digest(), herd.member(name).table().digest(), name);
            }
            Path clarkLog = logs.resolve("Clark.log");
            Await.until("Clark comparing tables with Bona after catching up", Duration.ofSeconds(30),
                    () -> read(clarkLog).contains("link to Bona has kept up for 5000 ms since it lagged: comparing tables"));
            assertTrue(read(clarkLog).contains("link to Bona: over 4194304 bytes wait to be sent; updates are not sent on it until half of that is"));
        }
    }

    @Test
    void aMemberHoldsItsClientsWhileALinkIsBusyButNoLongerThanTheLimit(@TempDir Path logs) throws Exception {
        try (TestHerd herd = herd(logs);
             LineClient client = new LineClient(herd.port("Clark"), Duration.ofMillis(500))) {
            client.send("IAMAT before +1+1 1\n");
            assertTrue(client.readLine().endsWith(" before +1+1 1"));
            try {
                stopBona(herd);
                for (int from = 0; !linkToBona(herd).busy(); from += 10_000) {
                    assertTrue(from < UPDATES, "Clark's link to Bona never became busy");
                    flood(herd, from, 10_000);
                }
                client.send("IAMAT during +2+2 2\n");
                assertThrows(SocketTimeoutException.class, client::readLine,
                        "answered while Clark's link to Bona is busy");

                // Bona still reads nothing: after the limit the link lags, and Clark reads its clients again.
                String reply = null;
                for (int attempt = 0; reply == null && attempt < 30; attempt++) {
                    try {
                        reply = client.readLine();
                    } catch (SocketTimeoutException stillHeld) {
                        // within the limit
                    }
                }
                assertTrue(reply != null && reply.endsWith(" during +2+2 2"), "reply after the limit: " + reply);
                PeerMesh.LinkState link = linkToBona(herd);
                assertTrue(!link.busy() && link.unsent() > 0, "Clark's link to Bona: " + link);
            } finally {
                bonaResumes.countDown(); // before the herd stops: stopping waits for Bona's loop
            }
        }
    }

    private TestHerd herd(Path logs) {
        return TestHerd.standard(vertx, logs, PlacesConfig.offline(), LaggingLinkTest::withoutTrafficLog)
                .start();
    }

    /** Blocks Bona's event loop until {@link #bonaResumes}, has Clark flood {@link #UPDATES}; what Clark did not send to Bona. */
    private long floodFromClarkWhileBonaReadsNothing(TestHerd herd) throws Exception {
        stopBona(herd);
        flood(herd, 0, UPDATES);
        return linkToBona(herd).unsent();
    }

    private void stopBona(TestHerd herd) throws InterruptedException {
        CountDownLatch bonaStopped = new CountDownLatch(1);
        herd.onLoop("Bona", member -> {
            bonaStopped.countDown();
            awaitQuietly(bonaResumes);
        });
        assertTrue(bonaStopped.await(10, TimeUnit.SECONDS));
    }

    /** Clark accepts and floods updates for clients {@code from} to {@code from + count - 1}, in one turn of its loop. */
    private static void flood(TestHerd herd, int from, int count) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        herd.onLoop("Clark", member -> {
            for (int i = from; i < from + count; i++) {
                member.mesh().offer(report(i), null);
            }
            done.complete(null);
        });
        done.get(60, TimeUnit.SECONDS);
    }

    private static PeerMesh.LinkState linkToBona(TestHerd herd) throws Exception {
        CompletableFuture<PeerMesh.LinkState> state = new CompletableFuture<>();
        herd.onLoop("Clark", member -> state.complete(member.mesh().linkStates().get("Bona")));
        return state.get(10, TimeUnit.SECONDS);
    }

    /** Logging each of a million lines would take longer than sending them. */
    private static MemberConfigBuilder withoutTrafficLog(MemberConfigBuilder c) {
        return c.logTraffic(false);
    }

    private static Report report(int i) {
        return new Report("Clark", "+0.000000001", "c" + i, Location.parse("+34.068930-118.445127").orElseThrow(),
                ClientTime.parse("1764106123." + i).orElseThrow());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
