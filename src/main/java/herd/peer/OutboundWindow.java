package herd.peer;

/**
 * What waits to be sent on a dialled link: the bytes written that its socket has not yet handed
 * to the kernel, and what they mean (protocol.md, Busy and lagging links). Over
 * {@link #BUSY_HIGH} the link is busy, and the member holds its clients until the link drains
 * to {@link #BUSY_LOW}; over {@link #LAG_HIGH} it lags, and carries no updates until it drains
 * to {@link #LAG_LOW}. Both are marks with room between them, so that a link at the edge does
 * not flip on every write.
 *
 * <p>Owned by the member's event loop; {@link #busy()} and {@link #unsent()} are also read by
 * other threads (status, metrics).
 */
final class OutboundWindow {

    static final long BUSY_HIGH = 1024 * 1024;
    static final long BUSY_LOW = BUSY_HIGH / 2;
    static final long LAG_HIGH = 4 * 1024 * 1024;
    static final long LAG_LOW = LAG_HIGH / 2;

    private long pending;
    private boolean lagging;
    private volatile boolean busy;
    private volatile long unsent;

    /** {@code bytes} were written on the socket. */
    void written(long bytes) {
        pending += bytes;
        if (!lagging && pending > LAG_HIGH) {
            lag();
        } else if (!busy && !lagging && pending > BUSY_HIGH) {
            busy = true;
        }
    }

    /** The socket handed {@code bytes} to the kernel. */
    void drained(long bytes) {
        pending -= bytes;
        if (busy && pending <= BUSY_LOW) {
            busy = false;
        }
        if (lagging && pending <= LAG_LOW) {
            lagging = false;
        }
    }

    /**
     * The link stops carrying updates until it has drained; it is no longer busy, since what
     * waits is bounded now (a neighbour that hangs must not hold the member's clients).
     */
    void lag() {
        lagging = true;
        busy = false;
    }

    /** An update was not sent because the link lags. */
    void notSent() {
        unsent++;
    }

    /** A new connection: nothing waits on it. */
    void reset() {
        pending = 0;
        lagging = false;
        busy = false;
    }

    boolean busy() {
        return busy;
    }

    boolean lagging() {
        return lagging;
    }

    /** How many updates were not sent because the link lagged (anti-entropy sent them later). */
    long unsent() {
        return unsent;
    }
}
