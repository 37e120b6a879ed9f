package herd.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition by polling it: for state that no event announces. */
public final class Await {

    private static final long POLL_MS = 10;

    private Await() {
    }

    public static void until(String what, Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
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
