package herd.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import herd.config.MemberConfigBuilder;
import herd.config.PlacesConfig;
import herd.core.ClientTime;
import herd.core.Location;
import herd.core.Report;
import herd.testing.Await;
import herd.testing.TestHerd;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The periodic round of anti-entropy repairs what flooding lost, with every link up. */
@ExtendWith(VertxExtension.class)
class AntiEntropyTest {

    @Test
    void aReportThatWasNeverFloodedReachesEveryMemberByThePeriodicComparison(Vertx vertx, @TempDir Path logs) {
        try (TestHerd herd = TestHerd.standard(vertx, logs, PlacesConfig.offline(),
                AntiEntropyTest::syncEverySecond).start()) {
            // As if the flood of this report had been lost: stored at Jaquez only.
            Report lost = new Report("Jaquez", "+0.000000001", "lost", Location.parse("+3+3").orElseThrow(),
                    ClientTime.parse("42").orElseThrow());
            herd.onLoop("Jaquez", jaquez -> jaquez.table().offer(lost));

            Await.until("the lost report everywhere", Duration.ofSeconds(20), () -> herd.running().stream()
                    .allMatch(name -> herd.member(name).table().get("lost").isPresent()));
            for (String name : herd.running()) {
                assertEquals(lost.atLine(), herd.member(name).table().get("lost").orElseThrow().atLine(), name);
            }
        }
    }

    @Test
    void tablesOfManyMegabytesAreReconciledInChunks(Vertx vertx, @TempDir Path logs) {
        int clients = 30_000;
        try (TestHerd herd = TestHerd.standard(vertx, logs, PlacesConfig.offline(),
                AntiEntropyTest::syncEverySecond).start()) {
            // Two megabytes of reports that reached Bona alone: far more than a socket buffers at once.
            herd.onLoop("Bona", bona -> {
                for (int i = 0; i < clients; i++) {
                    bona.table().offer(new Report("Bona", "+0.000000001", "quiet" + i, Location.parse("+4+4").orElseThrow(),
                            ClientTime.parse(Integer.toString(i)).orElseThrow()));
                }
            });
            Await.until("every member holding every report", Duration.ofSeconds(60), () -> herd.running().stream()
                    .allMatch(name -> herd.member(name).table().size() == clients));
            String digest = herd.member("Bona").table().digest();
            for (String name : herd.running()) {
                assertEquals(digest, herd.member(name).table().digest(), name);
            }
        }
    }

    private static MemberConfigBuilder syncEverySecond(MemberConfigBuilder c) {
        return c.syncInterval(Duration.ofSeconds(1));
    }
}
