package herd.loadgen;

import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** The commands the load generator sends: IAMATs for many clients, and WHATSATs for a few seeded ones. */
final class Workload {

    static final int SEEDED_CLIENTS = 100;

    private final int clients;
    private final double whatsatShare;
    private final AtomicLong next = new AtomicLong();

    Workload(int clients, double whatsatShare) {
        this.clients = clients;
        this.whatsatShare = whatsatShare;
    }

    /** Whether the next command is a WHATSAT. */
    boolean nextIsWhatsat() {
        return whatsatShare > 0 && ThreadLocalRandom.current().nextDouble() < whatsatShare;
    }

    /**
     * An IAMAT for the next client in turn (so that N commands reach min(N, clients) distinct
     * clients), sent "now" by the client's clock, so that members can tell how long its update
     * took to reach them.
     */
    void appendIamat(StringBuilder out) {
        appendIamat(out, "c" + Math.floorMod(next.getAndIncrement(), clients), ThreadLocalRandom.current());
    }

    static void appendIamat(StringBuilder out, String clientId, ThreadLocalRandom random) {
        Instant now = Instant.now();
        out.append("IAMAT ").append(clientId).append(' ')
                .append(random.nextBoolean() ? '+' : '-').append(random.nextInt(90)).append('.').append(random.nextInt(1_000_000))
                .append(random.nextBoolean() ? '+' : '-').append(random.nextInt(180)).append('.').append(random.nextInt(1_000_000))
                .append(' ').append(now.getEpochSecond()).append('.');
        String nanos = Integer.toString(now.getNano());
        out.append("000000000", 0, 9 - nanos.length()).append(nanos).append('\n');
    }

    void appendWhatsat(StringBuilder out) {
        out.append("WHATSAT ").append(seededClient(ThreadLocalRandom.current().nextInt(SEEDED_CLIENTS))).append(" 10 5\n");
    }

    static String seededClient(int i) {
        return "seed" + i;
    }
}
