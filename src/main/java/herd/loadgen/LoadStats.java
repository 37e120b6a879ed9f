package herd.loadgen;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** What the connections measure, shared by all their event loops. */
final class LoadStats {

    static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(5);

    final Recorder replyMicros = new Recorder(HIGHEST_MICROS, 3);
    final LongAdder sent = new LongAdder();
    final LongAdder replies = new LongAdder();
    final LongAdder invalidReplies = new LongAdder();
    final LongAdder connectFailures = new LongAdder();
    final LongAdder connectionsLost = new LongAdder();
    final LongAdder idleOpen = new LongAdder();
    /** Replies to the flooding connection, which are not timed. */
    final LongAdder floodReplies = new LongAdder();
    /** IAMATs each member accepted (answered with an AT line), by member name. */
    private final Map<String, LongAdder> accepted = new ConcurrentHashMap<>();
    volatile boolean measuring;

    LongAdder acceptedBy(String member) {
        return accepted.computeIfAbsent(member, name -> new LongAdder());
    }

    void replied(long latencyNanos, boolean invalid) {
        replies.increment();
        if (invalid) {
            invalidReplies.increment();
        }
        if (measuring) {
            replyMicros.recordValue(Math.min(HIGHEST_MICROS, Math.max(0, latencyNanos / 1000)));
        }
    }

    Histogram interval() {
        return replyMicros.getIntervalHistogram();
    }
}
