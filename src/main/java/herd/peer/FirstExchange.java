package herd.peer;

import io.vertx.core.Vertx;
import java.time.Duration;
import org.slf4j.Logger;

/**
 * Whether a member has caught up with its herd, which its readiness waits for (admin.md,
 * Readiness): a neighbour has answered the digests this member sent on a link it dialled, to
 * the end ({@code SYNC-NEED}, after every report this member lacked), or the member has no
 * neighbours, or none answered within {@link #WAIT}. Once caught up it stays so. Owned by the
 * member's event loop.
 */
final class FirstExchange {

    /** How long a member waits for a neighbour's answer before it serves with what it has. */
    static final Duration WAIT = Duration.ofSeconds(10);

    private final Logger log;
    private boolean over;
    private long timer = -1;
    private Runnable whenOver = () -> { };

    FirstExchange(Logger log) {
        this.log = log;
    }

    /** Runs once the member has caught up (on its event loop). */
    void whenOver(Runnable action) {
        whenOver = action;
    }

    void start(Vertx vertx, boolean alone) {
        if (alone) {
            over = true;
            return;
        }
        timer = vertx.setTimer(WAIT.toMillis(), t -> {
            if (!over) {
                log.warn("no neighbour answered anti-entropy within {} s: ready with the reports this member has",
                        WAIT.toSeconds());
                end();
            }
        });
    }

    /** A neighbour answered this member's digests to the end. */
    void answered(Vertx vertx, String neighbour) {
        if (!over) {
            vertx.cancelTimer(timer);
            log.info("caught up with {} (first anti-entropy exchange over): ready", neighbour);
            end();
        }
    }

    private void end() {
        over = true;
        whenOver.run();
    }

    boolean over() {
        return over;
    }

    void stop(Vertx vertx) {
        vertx.cancelTimer(timer);
    }
}
