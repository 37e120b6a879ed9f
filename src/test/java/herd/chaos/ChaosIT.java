package herd.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import herd.config.MemberConfig;
import herd.testing.Await;
import herd.testing.FreePorts;
import herd.testing.LineClient;
import herd.testing.MemberProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standard herd as five JVMs under a steady IAMAT load: every member is killed with
 * {@code kill -9} and restarted in turn, then one is cut off while the rest take updates. At the end
 * every {@code /status} digest is equal and no acknowledged update is lost.
 */
class ChaosIT {

    private static final Map<String, Set<String>> STANDARD = new LinkedHashMap<>();

    static {
        STANDARD.put("Bailey", Set.of("Bona", "Campbell"));
        STANDARD.put("Bona", Set.of("Bailey", "Campbell", "Clark"));
        STANDARD.put("Campbell", Set.of("Bailey", "Bona", "Jaquez"));
        STANDARD.put("Clark", Set.of("Bona", "Jaquez"));
        STANDARD.put("Jaquez", Set.of("Campbell", "Clark"));
    }

    private static final int CLIENTS = 2000;
    private static final int WRITERS = 4;
    private static final int UPDATES_PER_SECOND_PER_WRITER = 250;
    private static final Duration START_LIMIT = Duration.ofSeconds(60);
    private static final int SAMPLE = 100;

    @TempDir
    Path dir;

    private final List<MemberProcess> members = new ArrayList<>();

    @Test
    void killedAndCutOffMembersConvergeWithoutLosingAnAcknowledgedUpdate() throws Exception {
        startHerd();
        Ledger ledger = new Ledger(CLIENTS);
        AtomicBoolean loading = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> writers = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            writers.add(pool.submit(new UpdateWriter(members, ledger, i, WRITERS, UPDATES_PER_SECOND_PER_WRITER,
                    loading)));
        }
        long started = System.nanoTime();
        List<Long> backMillis = new ArrayList<>();
        long cutOffStopped = 0;
        long cutOffRestarted = 0;
        try {
            awaitAcknowledged(ledger, 1000);
            for (MemberProcess member : members) {
                member.kill();
                awaitAcknowledged(ledger, 500);
                long restarted = System.nanoTime();
                member.start();
                awaitLinked(member);
                backMillis.add((System.nanoTime() - restarted) / 1_000_000);
            }
            MemberProcess cutOff = members.get(3);
            cutOffStopped = System.nanoTime();
            assertEquals(0, cutOff.stop(), cutOff.name() + " did not stop cleanly on SIGTERM");
            awaitAcknowledged(ledger, 2000);
            cutOffRestarted = System.nanoTime();
            cutOff.start();
            awaitLinked(cutOff);
        } finally {
            loading.set(false);
            for (Future<?> writer : writers) {
                writer.get();
            }
            pool.shutdown();
        }
        long loadStopped = System.nanoTime();
        Await.until("equal digests on all five members", Duration.ofSeconds(60), this::digestsEqual);
        long converged = System.nanoTime();

        List<String> lost = lost(members.get(0), ledger, loadStopped);
        assertSampleAgreesOnEveryMember(ledger);
        System.out.printf("chaos: %d clients, rolling kill -9 of all five members, %s cut off (SIGTERM %d ms, restart"
                        + " %d ms before the load stopped); %.1f s of load%n"
                        + "chaos: updates sent %d, acknowledged %d, lost %d; digests equal %d ms after the load"
                        + " stopped; a restarted member back with every link up in %d ms (median of five)%n",
                CLIENTS, members.get(3).name(), (loadStopped - cutOffStopped) / 1_000_000,
                (loadStopped - cutOffRestarted) / 1_000_000, (loadStopped - started) / 1e9, ledger.sent.sum(),
                ledger.acknowledged.sum(), lost.size(), (converged - loadStopped) / 1_000_000,
                backMillis.stream().sorted().toList().get(backMillis.size() / 2));
        assertEquals(List.of(), lost, "acknowledged updates lost");
        assertTrue(ledger.acknowledged.sum() > 5000, "too little load to mean anything: " + ledger.acknowledged);
    }

    private void startHerd() throws IOException {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String name : STANDARD.keySet()) {
            ports.put(name, FreePorts.next());
        }
        for (String name : STANDARD.keySet()) {
            Map<String, Integer> neighbours = new LinkedHashMap<>();
            STANDARD.get(name).forEach(neighbour -> neighbours.put(neighbour, ports.get(neighbour)));
            MemberConfig config = MemberProcess.loopback(name, ports.get(name), neighbours, dir)
                    .syncInterval(Duration.ofSeconds(2)).build();
            members.add(MemberProcess.of(config, dir).secret("chaos-test-herd-secret"));
        }
        for (MemberProcess member : members) {
            member.start();
        }
        members.forEach(ChaosIT::awaitLinked);
    }

    private static void awaitLinked(MemberProcess member) {
        Await.until(member.name() + " serving with every link up", START_LIMIT, member::linked);
    }

    /** Lets the load run on until this many more updates have been acknowledged. */
    private static void awaitAcknowledged(Ledger ledger, long more) {
        long target = ledger.acknowledged.sum() + more;
        Await.until(more + " more acknowledged updates", Duration.ofSeconds(60),
                () -> ledger.acknowledged.sum() >= target);
    }

    private boolean digestsEqual() {
        String first = members.get(0).digest();
        return first != null && members.stream().allMatch(member -> first.equals(member.digest()));
    }

    /**
     * Every client asked of one member (all members are equal by now): each whose held report is
     * older than its last acknowledged update, described for the failure message.
     */
    private static List<String> lost(MemberProcess member, Ledger ledger, long loadStopped) throws IOException {
        List<String> lost = new ArrayList<>();
        try (LineClient client = new LineClient(member.port())) {
            for (int i = 0; i < ledger.clients(); i++) {
                String at = heldReport(client, i);
                if (at == null ? ledger.everAcknowledged(i) : !holdsLatest(ledger, i, at)) {
                    lost.add(Ledger.client(i) + ": " + member.name() + " holds " + at + "; last "
                            + ledger.lastAcknowledged(i, loadStopped));
                }
            }
        }
        return lost;
    }

    private void assertSampleAgreesOnEveryMember(Ledger ledger) throws IOException {
        for (int i = 0; i < ledger.clients(); i += ledger.clients() / SAMPLE) {
            String expected = null;
            for (MemberProcess member : members) {
                try (LineClient client = new LineClient(member.port())) {
                    String at = heldReport(client, i);
                    assertTrue(at != null && holdsLatest(ledger, i, at), member.name() + " holds " + at);
                    if (expected == null) {
                        expected = at;
                    }
                    assertEquals(expected, at, member.name() + " disagrees on " + Ledger.client(i));
                }
            }
        }
    }

    /** The AT line a WHATSAT answers with, or null when the member knows no location for the client. */
    private static String heldReport(LineClient client, int index) throws IOException {
        String reply = client.send("WHATSAT " + Ledger.client(index) + " 1 1\n").readLine();
        if (reply.startsWith("? ")) {
            return null;
        }
        String line = client.readLine();
        while (line != null && !line.isEmpty()) {
            line = client.readLine();
        }
        assertTrue(line != null, "connection ended inside a WHATSAT reply");
        return reply;
    }

    private static boolean holdsLatest(Ledger ledger, int index, String at) {
        String[] fields = at.split(" ");
        long seq = Ledger.seqOf(fields[5]);
        return fields[3].equals(Ledger.client(index)) && fields[4].equals(Ledger.location(seq))
                && ledger.holdsLatest(index, seq);
    }

    @AfterEach
    void stopHerd() throws InterruptedException {
        for (MemberProcess member : members) {
            if (member.alive()) {
                member.kill();
            }
        }
    }

}
