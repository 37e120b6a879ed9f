package herd.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import herd.config.MemberConfigBuilder;
import herd.testing.Await;
import herd.testing.FreePorts;
import herd.testing.LineClient;
import herd.testing.MemberProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The traffic log of real member processes: after SIGTERM every line in and out is in the file;
 * after {@code kill -9}, every line older than a second is.
 */
class TrafficLogIT {

    private static final int BURST = 2000;

    @TempDir
    Path dir;

    private MemberProcess a;
    private MemberProcess b;

    @AfterEach
    void stopBoth() throws InterruptedException {
        for (MemberProcess member : new MemberProcess[] {a, b}) {
            if (member != null && member.alive()) {
                member.kill();
            }
        }
    }

    @Test
    void aGracefulStopWritesEveryLineAndAKilledMemberKeepsAllButTheLastSecond() throws Exception {
        int portA = FreePorts.next();
        int portB = FreePorts.next();
        a = member(MemberProcess.loopback("A", portA, Map.of("B", portB), dir)).start();
        b = member(MemberProcess.loopback("B", portB, Map.of("A", portA), dir)).start();
        Await.until("both members linked", Duration.ofSeconds(60), () -> a.linked() && b.linked());

        StringBuilder burst = new StringBuilder();
        for (int i = 0; i < BURST; i++) {
            burst.append("IAMAT logged").append(i).append(" +34.068930-118.445127 1.").append(i).append('\n');
        }
        try (LineClient client = new LineClient(portA)) {
            client.send(burst.toString());
            for (int i = 0; i < BURST; i++) {
                assertTrue(client.readLine().startsWith("AT A "));
            }
        }
        Await.until("the burst at B", Duration.ofSeconds(20), () -> a.digest().equals(b.digest()));
        // The property under test is a time bound: lines older than a second survive kill -9.
        Thread.sleep(1500);
        b.kill();
        assertEquals(0, a.stop(), "A did not stop cleanly on SIGTERM");

        String logA = Files.readString(dir.resolve("A.log"));
        String logB = Files.readString(dir.resolve("B.log"));
        for (int i = 0; i < BURST; i++) {
            String id = "logged" + i + " ";
            assertTrue(logA.contains(" <- IAMAT " + id + "+34.068930-118.445127 1." + i + "\n"), id);
            assertTrue(found(logA, " DEBUG #\\d+ -> AT A [^ ]+ " + id), id);
            assertTrue(found(logB, " DEBUG #\\d+ <- AT A [^ ]+ " + id), id);
        }
        assertTrue(logA.contains("A stopped"), "the last event line of a graceful stop");
    }

    private MemberProcess member(MemberConfigBuilder config) throws IOException {
        return MemberProcess.of(config.syncInterval(Duration.ofSeconds(2)).build(), dir).secret("traffic-log-secret");
    }

    private static boolean found(String log, String regex) {
        return Pattern.compile(regex).matcher(log).find();
    }
}
