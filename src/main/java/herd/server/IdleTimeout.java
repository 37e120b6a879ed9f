package herd.server;

import io.vertx.core.Vertx;
import java.time.Duration;

/**
 * Runs an action once nothing has been {@link #touch() touched} for the time-out. One timer
 * per connection, re-armed only when it fires, so that a busy connection costs a clock read
 * per chunk rather than a timer per chunk.
 */
final class IdleTimeout {

    private final Vertx vertx;
    private final long timeoutNanos;
    private final Runnable onIdle;
    private long lastActive;
    private long timer = -1;

    /** @param timeout {@link Duration#ZERO} for none: {@link #start()} then does nothing */
    IdleTimeout(Vertx vertx, Duration timeout, Runnable onIdle) {
        this.vertx = vertx;
        this.timeoutNanos = timeout.toNanos();
        this.onIdle = onIdle;
    }

    /** Starts (or restarts) the count from now. */
    void start() {
        if (timeoutNanos > 0) {
            stop();
            touch();
            arm(timeoutNanos);
        }
    }

    void touch() {
        lastActive = System.nanoTime();
    }

    void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
    }

    private void arm(long nanos) {
        timer = vertx.setTimer(Math.max(1, Duration.ofNanos(nanos).toMillis()), fired -> {
            long quiet = System.nanoTime() - lastActive;
            if (quiet >= timeoutNanos) {
                timer = -1;
                onIdle.run();
            } else {
                arm(timeoutNanos - quiet);
            }
        });
    }
}
