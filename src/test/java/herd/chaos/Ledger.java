package herd.chaos;

import java.util.Arrays;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the chaos load sent and what the herd acknowledged, per client. Update {@code seq} carries
 * time {@code 1700000000+seq} and a location derived from {@code seq}, so a held report names the
 * update it came from.
 */
final class Ledger {

    private static final long EPOCH = 1_700_000_000L;

    private final long[] lastSent;
    private final long[] lastAcknowledged;
    /** Which member acknowledged each client's last acknowledged update, and when (System.nanoTime). */
    private final String[] acknowledgedBy;
    private final long[] acknowledgedAt;
    final LongAdder sent = new LongAdder();
    final LongAdder acknowledged = new LongAdder();

    Ledger(int clients) {
        lastSent = new long[clients];
        lastAcknowledged = new long[clients];
        Arrays.fill(lastAcknowledged, -1);
        acknowledgedBy = new String[clients];
        acknowledgedAt = new long[clients];
    }

    int clients() {
        return lastSent.length;
    }

    static String client(int index) {
        return "chaos" + index;
    }

    static String time(long seq) {
        return (EPOCH + seq) + ".000000000";
    }

    static long seqOf(String time) {
        return Long.parseLong(time.substring(0, time.indexOf('.'))) - EPOCH;
    }

    static String location(long seq) {
        return coordinate((int) (seq * 7 % 170) - 85, 2, seq) + coordinate((int) (seq * 13 % 350) - 175, 3, seq);
    }

    private static String coordinate(int degrees, int width, long seq) {
        return (degrees < 0 ? "-" : "+") + String.format("%0" + width + "d.%06d", Math.abs(degrees), seq % 1_000_000);
    }

    /** Called by the one writer that owns the client, before the update goes out. */
    void sent(int client, long seq) {
        lastSent[client] = seq;
        sent.increment();
    }

    void acknowledged(int client, long seq, String member) {
        acknowledgedBy[client] = member;
        acknowledgedAt[client] = System.nanoTime();
        lastAcknowledged[client] = seq;
        acknowledged.increment();
    }

    /**
     * Whether a member holding update {@code seq} for the client has lost nothing acknowledged: it
     * holds the last acknowledged update or a later one that was sent (but whose reply was cut off).
     */
    boolean holdsLatest(int client, long seq) {
        return seq >= lastAcknowledged[client] && seq <= lastSent[client];
    }

    /** The client's last acknowledged update, for a failure message: seq, member, and how long before {@code nanos}. */
    String lastAcknowledged(int client, long nanos) {
        return "seq " + lastAcknowledged[client] + " acknowledged by " + acknowledgedBy[client] + " "
                + (nanos - acknowledgedAt[client]) / 1_000_000 + " ms before the load stopped";
    }

    boolean everAcknowledged(int client) {
        return lastAcknowledged[client] >= 0;
    }
}
