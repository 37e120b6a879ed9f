package herd.places;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * After the provider says OVER_QUERY_LIMIT, stop calling it for a while: one second, doubling
 * with each further refusal up to a minute, and back to nothing after an answer that is not
 * a refusal.
 */
final class QuotaBackOff {

    static final long FIRST_MS = 1000;
    static final long CAP_MS = 60_000;

    private final LongSupplier clockMs;
    private final AtomicLong untilMs = new AtomicLong();
    private final AtomicLong nextMs = new AtomicLong(FIRST_MS);

    QuotaBackOff(LongSupplier clockMs) {
        this.clockMs = clockMs;
    }

    /** Milliseconds still to wait; 0 when the provider may be called. */
    long remainingMs() {
        return Math.max(0, untilMs.get() - clockMs.getAsLong());
    }

    void refused() {
        long wait = nextMs.getAndUpdate(ms -> Math.min(ms * 2, CAP_MS));
        untilMs.set(clockMs.getAsLong() + wait);
    }

    void answered() {
        nextMs.set(FIRST_MS);
        untilMs.set(0);
    }
}
