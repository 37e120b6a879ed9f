package herd.peer;

import herd.core.DecimalText;
import herd.core.Report;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleConsumer;
import org.HdrHistogram.Histogram;

/**
 * How long updates took to get here from the member that accepted them: the origin received
 * the IAMAT at the client's time plus the time difference it wrote, both in the update, so
 * on machines whose clocks agree the delay is exact. Owned by the member's event loop.
 */
public final class PropagationLatency {

    private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(10);

    private final Histogram micros = new Histogram(HIGHEST_MICROS, 3);
    private final DoubleConsumer seconds;

    /** @param seconds also receives each delay, in seconds (the member's metrics) */
    PropagationLatency(DoubleConsumer seconds) {
        this.seconds = seconds;
    }

    void applied(Report update, Instant now) {
        String difference = update.timeDifference();
        long differenceMicros = DecimalText.micros(difference, 1);
        long receivedAtOrigin = DecimalText.micros(update.time().text(), 0)
                + (difference.charAt(0) == '-' ? -differenceMicros : differenceMicros);
        long delay = now.getEpochSecond() * 1_000_000 + now.getNano() / 1000 - receivedAtOrigin;
        long recorded = Math.max(0, Math.min(delay, HIGHEST_MICROS));
        micros.recordValue(recorded);
        seconds.accept(recorded / 1e6);
    }

    /** A copy of the figures so far, in microseconds. */
    public Histogram snapshot() {
        return micros.copy();
    }

    public void reset() {
        micros.reset();
    }
}
