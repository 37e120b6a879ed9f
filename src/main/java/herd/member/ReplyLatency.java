package herd.member;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * How long the member took to have replies ready, by command, in microseconds, for its status and
 * the live page (live-page.md). A {@link Recorder} per command: recording is wait-free from
 * whichever thread completes a reply (a WHATSAT completes when the places provider answers), and
 * the status takes what was recorded since its last look on the member's event loop.
 */
final class ReplyLatency {

    private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(10);

    private final Map<String, Recorder> recorders = new LinkedHashMap<>();
    private final Map<String, Histogram> totals = new LinkedHashMap<>();
    /** What each recorder gave last, handed back to it to fill next time rather than a new one. */
    private final Map<String, Histogram> intervals = new LinkedHashMap<>();

    ReplyLatency(String... commands) {
        for (String command : commands) {
            recorders.put(command, new Recorder(HIGHEST_MICROS, 3));
            totals.put(command, new Histogram(HIGHEST_MICROS, 3));
        }
    }

    void record(String command, long nanos) {
        recorders.get(command).recordValue(Math.max(0, Math.min(nanos / 1000, HIGHEST_MICROS)));
    }

    /** Copies of the figures so far, by command. On the member's event loop only. */
    Map<String, Histogram> snapshot() {
        Map<String, Histogram> copies = new LinkedHashMap<>();
        totals.forEach((command, total) -> {
            Histogram interval = recorders.get(command).getIntervalHistogram(intervals.get(command));
            intervals.put(command, interval);
            total.add(interval);
            copies.put(command, total.copy());
        });
        return copies;
    }
}
