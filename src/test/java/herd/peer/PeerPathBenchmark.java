package herd.peer;

import herd.core.LocationTable;
import herd.protocol.LineFramer;
import herd.protocol.LineLimits;
import herd.protocol.PeerMessage;
import herd.protocol.PeerWire;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * The CPU a member spends on floods, without sockets: AT lines are framed from 64 KB chunks,
 * and each chunk arrives twice, as a flood reaches a member from two sides: the first time
 * every line is checked, parsed, applied and encoded for relaying (as {@link PeerMesh} does),
 * the second time each is recognised as held. Prints nanoseconds per update (one of each).
 *
 * <p>By default the clients update in turn and each chunk's repeat follows it at once, so the
 * table's entries are found in the processor's cache. {@code cold} measures what a member of a
 * herd meets instead, where between two updates of a client every other client's were handled
 * by five members on one machine: the clients update in a shuffled order, and a chunk's repeat
 * arrives 100 chunks later.
 *
 * <pre>mvn -q test-compile && java -cp target/classes:target/test-classes herd.peer.PeerPathBenchmark [CLIENTS [cold]]</pre>
 */
public final class PeerPathBenchmark {

    private static final int COLD_REPEAT_LAG_CHUNKS = 100;
    private static final int UPDATES_PER_ROUND = 1_000_000;
    private static final int ROUNDS = 12;
    private static final int WARM_UP_ROUNDS = 4;
    private static final int CHUNK = 64 * 1024;

    private final LocationTable table = new LocationTable();
    private final int clients;
    private final boolean cold;
    /** Which client the i-th update of a round is about. */
    private final int[] clientOrder;
    private long applied;
    private long repeats;
    private long relayedBytes;

    private PeerPathBenchmark(int clients, boolean cold) {
        this.clients = clients;
        this.cold = cold;
        List<Integer> order = new ArrayList<>(IntStream.range(0, clients).boxed().toList());
        if (cold) {
            Collections.shuffle(order, new Random(7));
        }
        this.clientOrder = order.stream().mapToInt(Integer::intValue).toArray();
    }

    public static void main(String[] args) {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        new PeerPathBenchmark(clients, args.length > 1 && args[1].equals("cold")).run();
    }

    private void run() {
        Random random = new Random(1);
        List<Double> nanosPerUpdate = new ArrayList<>();
        LineFramer framer = new LineFramer(LineLimits.PEER, new LineFramer.Sink() {
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
            int lag = cold ? COLD_REPEAT_LAG_CHUNKS : 0;
            // Each chunk, and the repeat of the one lag chunks before it.
            for (int i = 0; i < chunks.size() + lag; i++) {
                if (i < chunks.size()) {
                    framer.feed(chunks.get(i));
                }
                if (i >= lag && i - lag < chunks.size()) {
                    framer.feed(chunks.get(i - lag));
                }
            }
            double nanos = (double) (System.nanoTime() - start) / UPDATES_PER_ROUND;
            System.out.printf("round %2d: %4.0f ns per update%n", round + 1, nanos);
            if (round >= WARM_UP_ROUNDS) {
                nanosPerUpdate.add(nanos);
            }
        }
        Collections.sort(nanosPerUpdate);
        System.out.printf("median %.0f ns per update (applied once, recognised once), %d clients%s; %d applied, %d"
                        + " recognised, %d bytes to relay%n", nanosPerUpdate.get(nanosPerUpdate.size() / 2), clients,
                cold ? " (cold)" : "", applied, repeats, relayedBytes);
    }

    /** What {@link InboundPeer} and {@link PeerMesh} do with an update line, but for the sockets. */
    private void receive(String line) {
        String client = PeerWire.clientOf(line);
        if (client != null && table.holds(client, line)) {
            repeats++;
            return;
        }
        if (PeerWire.decode(line) instanceof PeerMessage.Update update && table.offer(update.report())) {
            applied++;
            relayedBytes += PeerWire.encode(update).length;
        }
    }

    /** One round's updates, later than every earlier round's, cut into chunks of whole lines. */
    private List<byte[]> chunks(int round, Random random) {
        List<byte[]> chunks = new ArrayList<>();
        StringBuilder chunk = new StringBuilder(CHUNK + 128);
        for (int i = 0; i < UPDATES_PER_ROUND; i++) {
            long micros = 1_764_000_000_000_000L + (long) round * UPDATES_PER_ROUND + i;
            chunk.append("AT Clark +0.000").append(100_000 + random.nextInt(900_000)).append(" c").append(clientOrder[i % clients])
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
