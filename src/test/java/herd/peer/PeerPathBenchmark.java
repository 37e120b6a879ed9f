package herd.peer;

import herd.core.LocationTable;
import herd.core.Report;
import herd.protocol.LineFramer;
import herd.protocol.PeerWire;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The CPU a member spends on floods, without sockets: AT lines are framed from 64 KB chunks,
 * and each chunk arrives twice, as a flood reaches a member from two sides: the first time
 * every line is checked, parsed, applied and encoded for relaying (as {@link PeerMesh} does),
 * the second time each is recognised as held. Prints nanoseconds per update (one of each).
 *
 * <pre>mvn -q test-compile && java -cp target/classes:target/test-classes herd.peer.PeerPathBenchmark</pre>
 */
public final class PeerPathBenchmark {

    private static final int CLIENTS = 100_000;
    private static final int UPDATES_PER_ROUND = 1_000_000;
    private static final int ROUNDS = 12;
    private static final int WARM_UP_ROUNDS = 4;
    private static final int CHUNK = 64 * 1024;

    private final LocationTable table = new LocationTable();
    private long applied;
    private long repeats;
    private long relayedBytes;

    public static void main(String[] args) {
        new PeerPathBenchmark().run();
    }

    private void run() {
        Random random = new Random(1);
        List<Double> nanosPerUpdate = new ArrayList<>();
        LineFramer framer = new LineFramer(PeerWire.MAX_LINE_LENGTH, new LineFramer.Sink() {
            @Override
            public void line(String line) {
                receive(line);
            }

            @Override
            public void overlong(String head) {
                throw new IllegalStateException("no line here is that long");
            }
        });
        for (int round = 0; round < ROUNDS; round++) {
            List<byte[]> chunks = chunks(round, random);
            long start = System.nanoTime();
            for (byte[] chunk : chunks) {
                framer.feed(chunk);
                framer.feed(chunk);
            }
            double nanos = (double) (System.nanoTime() - start) / UPDATES_PER_ROUND;
            System.out.printf("round %2d: %4.0f ns per update%n", round + 1, nanos);
            if (round >= WARM_UP_ROUNDS) {
                nanosPerUpdate.add(nanos);
            }
        }
        Collections.sort(nanosPerUpdate);
        System.out.printf("median %.0f ns per update (applied once, recognised once), %d clients; %d applied, %d"
                        + " recognised, %d bytes to relay%n", nanosPerUpdate.get(nanosPerUpdate.size() / 2), CLIENTS,
                applied, repeats, relayedBytes);
    }

    /** What {@link InboundPeer} and {@link PeerMesh} do with an update line, but for the sockets. */
    private void receive(String line) {
        String client = PeerWire.clientOf(line);
        if (client != null && table.holds(client, line)) {
            repeats++;
            return;
        }
        Optional<Report> update = PeerWire.parseUpdate(line);
        if (update.isPresent() && table.offer(update.get())) {
            applied++;
            relayedBytes += (update.get().atLine() + '\n').getBytes(StandardCharsets.ISO_8859_1).length;
        }
    }

    /** One round's updates, later than every earlier round's, cut into chunks of whole lines. */
    private static List<byte[]> chunks(int round, Random random) {
        List<byte[]> chunks = new ArrayList<>();
        StringBuilder chunk = new StringBuilder(CHUNK + 128);
        for (int i = 0; i < UPDATES_PER_ROUND; i++) {
            long micros = 1_764_000_000_000_000L + (long) round * UPDATES_PER_ROUND + i;
            chunk.append("AT Clark +0.000").append(100_000 + random.nextInt(900_000)).append(" c").append(i % CLIENTS)
                    .append(" +").append(random.nextInt(90)).append('.').append(100_000 + random.nextInt(900_000))
                    .append('-').append(random.nextInt(180)).append('.').append(100_000 + random.nextInt(900_000))
                    .append(' ').append(micros / 1_000_000).append('.')
                    .append(String.valueOf(1_000_000 + micros % 1_000_000), 1, 7).append("000\n");
            if (chunk.length() >= CHUNK) {
                chunks.add(chunk.toString().getBytes(StandardCharsets.ISO_8859_1));
                chunk.setLength(0);
            }
        }
        chunks.add(chunk.toString().getBytes(StandardCharsets.ISO_8859_1));
        return chunks;
    }
}
