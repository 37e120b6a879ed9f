package herd.places;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;

/**
 * A cache in front of a paid provider: answers are reused for a while, keyed by the exact
 * location and radius (the WHATSAT bound is applied after the cache, so bounds share one
 * call), and identical requests made while a call is under way share that call. Failures
 * are not kept; after OVER_QUERY_LIMIT the provider is left alone for a growing interval,
 * during which only cached answers are given.
 */
final class CachedPlacesProvider implements PlacesProvider {

    static final long MAX_ENTRIES = 10_000;

    private final Vertx vertx;
    private final PlacesProvider upstream;
    private final AsyncCache<PlacesQuery, JsonObject> cache;
    private final QuotaBackOff backOff = new QuotaBackOff(System::currentTimeMillis);
    private final Logger log;
    private final LongAdder hits = new LongAdder();

    CachedPlacesProvider(Vertx vertx, PlacesProvider upstream, Duration ttl, Logger log) {
        this.vertx = vertx;
        this.upstream = upstream;
        this.log = log;
        this.cache = Caffeine.newBuilder()
                .maximumSize(MAX_ENTRIES)
                .expireAfter(new KeepOnlyAnswers(ttl.toNanos()))
                .executor(Runnable::run)
                .buildAsync();
    }

    @Override
    public Future<JsonObject> nearby(PlacesQuery query) {
        // Answers must reach the caller on its own event loop, whichever thread completes the call.
        Context caller = vertx.getOrCreateContext();
        PlacesQuery key = normalised(query);
        long waitMs = backOff.remainingMs();
        if (waitMs > 0) {
            CompletableFuture<JsonObject> cached = cache.getIfPresent(key);
            if (cached != null && cached.isDone()) {
                return Future.succeededFuture(cached.join());
            }
            return Future.succeededFuture(PlacesResponses.failure(PlacesResponses.OVER_QUERY_LIMIT,
                    "places provider over its query limit; not asked again for " + waitMs + " ms"));
        }
        boolean[] called = {false};
        CompletableFuture<JsonObject> answer = cache.get(key, (k, executor) -> {
            called[0] = true;
            CompletableFuture<JsonObject> call = new CompletableFuture<>();
            upstream.nearby(query).onSuccess(result -> {
                noteQuota(result);
                // Dropped before anyone sees it, so that the next request asks again.
                if (!keepable(result)) {
                    cache.asMap().remove(k, call);
                }
                call.complete(result);
            });
            return call;
        });
        if (!called[0]) {
            hits.increment();
            log.debug("places cache hit around {},{} within {} m", query.latitude(), query.longitude(),
                    query.radiusMetres().toPlainString());
        }
        return Future.fromCompletionStage(answer, caller);
    }

    private void noteQuota(JsonObject answer) {
        if (PlacesResponses.OVER_QUERY_LIMIT.equals(answer.getString("status"))) {
            backOff.refused();
            log.warn("places provider over its query limit; backing off for {} ms", backOff.remainingMs());
        } else {
            backOff.answered();
        }
    }

    /** 34.0 and 34.00 are the same place: one cache entry. */
    private static PlacesQuery normalised(PlacesQuery query) {
        return new PlacesQuery(query.latitude().stripTrailingZeros(), query.longitude().stripTrailingZeros(),
                query.radiusMetres().stripTrailingZeros());
    }

    @Override
    public long cacheHits() {
        return hits.sum();
    }

    @Override
    public Future<Void> close() {
        return upstream.close();
    }

    private static boolean keepable(JsonObject answer) {
        String status = answer.getString("status");
        return PlacesResponses.OK.equals(status) || PlacesResponses.ZERO_RESULTS.equals(status);
    }

    /** Answers live for the TTL; a failure that completed before it was cached expires at once. */
    private record KeepOnlyAnswers(long ttlNanos) implements Expiry<PlacesQuery, JsonObject> {

        @Override
        public long expireAfterCreate(PlacesQuery key, JsonObject value, long currentTime) {
            return keepable(value) ? ttlNanos : 0;
        }

        @Override
        public long expireAfterUpdate(PlacesQuery key, JsonObject value, long currentTime, long currentDuration) {
            return expireAfterCreate(key, value, currentTime);
        }

        @Override
        public long expireAfterRead(PlacesQuery key, JsonObject value, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
