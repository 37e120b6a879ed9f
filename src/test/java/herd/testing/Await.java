package herd.testing;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition by polling it: for state that no event announces. */
public final class Await {

    private static final long POLL_MS = 10;

    private Await() {
    }

    public static void until(String what, Duration limit, BooleanSupplier condition) {
        value(what, limit, () -> condition.getAsBoolean() ? Optional.of(true) : Optional.empty());
    }

    /** The first value {@code poll} finds, which is then asserted on as it was. */
    public static <T> T value(String what, Duration limit, Supplier<Optional<T>> poll) {
        long deadline = System.nanoTime() + limit.toNanos();
        for (Optional<T> found = poll.get(); ; found = poll.get()) {
            if (found.isPresent()) {
                return found.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + limit + " waiting for " + what);
            }
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }
}
