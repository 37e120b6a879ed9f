package herd.peer;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Capped exponential back-off with jitter, so that members that lost a neighbour at the
 * same moment do not all redial it in step.
 */
final class ReconnectDelay {

    static final long FIRST_MS = 50;
    static final long CAP_MS = 3000;

    private long ceiling = FIRST_MS;

    /** The next wait: between half and all of the current ceiling, which then doubles up to the cap. */
    long next() {
        long wait = ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
        ceiling = Math.min(ceiling * 2, CAP_MS);
        return wait;
    }

    void reset() {
        ceiling = FIRST_MS;
    }
}
