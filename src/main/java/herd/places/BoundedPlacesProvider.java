package herd.places;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.Queue;
import org.slf4j.Logger;

/**
 * At most {@code maxInFlight} provider calls under way at once; further calls wait in a
 * queue for at most {@code queueTimeoutMs} and are then answered as failed, so that a slow
 * provider cannot pile up work. Owned by the member's event loop.
 */
final class BoundedPlacesProvider implements PlacesProvider {

    /** However long the wait, no more than this many calls wait. */
    static final int MAX_QUEUED = 1000;

    private final Vertx vertx;
    private final PlacesProvider upstream;
    private final int maxInFlight;
    private final long queueTimeoutMs;
    private final Logger log;
    private final Queue<Waiting> queue = new ArrayDeque<>();
    private int inFlight;

    private record Waiting(PlacesQuery query, Promise<JsonObject> answer, long timer) {
    }

    BoundedPlacesProvider(Vertx vertx, PlacesProvider upstream, int maxInFlight, long queueTimeoutMs, Logger log) {
        this.vertx = vertx;
        this.upstream = upstream;
        this.maxInFlight = maxInFlight;
        this.queueTimeoutMs = queueTimeoutMs;
        this.log = log;
    }

    @Override
    public Future<JsonObject> nearby(PlacesQuery query) {
        if (inFlight < maxInFlight) {
            return call(query);
        }
        if (queue.size() >= MAX_QUEUED || queueTimeoutMs == 0) {
            return Future.succeededFuture(busy());
        }
        Promise<JsonObject> answer = Promise.promise();
        long[] timer = new long[1];
        timer[0] = vertx.setTimer(queueTimeoutMs, t -> {
            if (queue.removeIf(waiting -> waiting.timer() == timer[0])) {
                log.warn("places call waited {} ms for one of {} calls in flight; answered as failed",
                        queueTimeoutMs, maxInFlight);
                answer.complete(busy());
            }
        });
        queue.add(new Waiting(query, answer, timer[0]));
        return answer.future();
    }

    private Future<JsonObject> call(PlacesQuery query) {
        inFlight++;
        return upstream.nearby(query).onComplete(done -> {
            inFlight--;
            Waiting next = queue.poll();
            if (next != null) {
                vertx.cancelTimer(next.timer());
                call(next.query()).onComplete(next.answer());
            }
        });
    }

    private JsonObject busy() {
        return PlacesResponses.failure(PlacesResponses.UNKNOWN_ERROR,
                "places provider busy: " + maxInFlight + " calls already under way");
    }

    @Override
    public Future<Void> close() {
        return upstream.close();
    }
}
