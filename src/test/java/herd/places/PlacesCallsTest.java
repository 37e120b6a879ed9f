package herd.places;

import static herd.config.PlacesConfig.Provider.GOOGLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import herd.config.PlacesConfig;
import herd.testing.PlacesStandIn;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How many calls reach Google: the cache, shared calls, the quota back-off and the in-flight limit. */
class PlacesCallsTest extends WithGoogleStandIn {

    private static PlacesQuery at(String latitude) {
        return new PlacesQuery(new BigDecimal(latitude), new BigDecimal("-118.44"), new BigDecimal("10000"));
    }

    /** Calls made from an event loop, as a member makes them. */
    private List<JsonObject> callAll(PlacesProvider provider, List<PlacesQuery> queries) {
        Promise<List<JsonObject>> answers = Promise.promise();
        vertx.runOnContext(v -> {
            List<Future<JsonObject>> calls = new ArrayList<>();
            queries.forEach(q -> calls.add(provider.nearby(q)));
            Future.all(calls).map(all -> all.<JsonObject>list()).onComplete(answers);
        });
        return answers.future().await();
    }

    private PlacesProvider provider(PlacesConfig config) {
        return provider(config, "key");
    }

    @Test
    void aRepeatedQueryIsAnsweredFromTheCache() {
        PlacesProvider provider = provider(PlacesConfig.of(GOOGLE, google.newUrl(), Duration.ofMillis(2000)));
        JsonObject first = provider.nearby(at("34.07")).await();
        JsonObject second = provider.nearby(at("34.0700")).await();
        assertEquals(first, second);
        assertEquals(1, google.requests().size());
        provider.nearby(at("35")).await();
        assertEquals(2, google.requests().size());
    }

    @Test
    void aZeroTtlTurnsTheCacheOff() {
        PlacesProvider provider = provider(new PlacesConfig(GOOGLE, google.newUrl(), Duration.ofMillis(2000), Duration.ZERO, 16,
                Duration.ofMillis(1000)));
        provider.nearby(at("34.07")).await();
        provider.nearby(at("34.07")).await();
        assertEquals(2, google.requests().size());
    }

    @Test
    void fiftyConcurrentIdenticalQueriesShareOneCall() {
        google.behave(PlacesStandIn.Behaviour.ANSWER_LATE);
        PlacesProvider provider = provider(PlacesConfig.of(GOOGLE, google.newUrl(), Duration.ofMillis(2000)));
        List<JsonObject> answers = callAll(provider, Collections.nCopies(50, at("34.07")));
        assertEquals(50, answers.size());
        answers.forEach(answer -> assertEquals("OK", answer.getString("status")));
        assertEquals(1, google.requests().size());
    }

    @Test
    void failuresAreNotCached() {
        PlacesProvider provider = provider(PlacesConfig.of(GOOGLE, google.newUrl(), Duration.ofMillis(2000)));
        google.behave(PlacesStandIn.Behaviour.FAIL_500);
        assertEquals("UNKNOWN_ERROR", provider.nearby(at("34.07")).await().getString("status"));
        google.behave(PlacesStandIn.Behaviour.ANSWER);
        assertEquals("OK", provider.nearby(at("34.07")).await().getString("status"));
        assertEquals(2, google.requests().size());
    }

    @Test
    void overQueryLimitBacksOffAnsweringFromTheCacheMeanwhile() {
        PlacesProvider provider = provider(PlacesConfig.of(GOOGLE, google.newUrl(), Duration.ofMillis(2000)));
        provider.nearby(at("34.07")).await();
        google.behave(PlacesStandIn.Behaviour.OVER_QUERY_LIMIT);
        assertEquals("OVER_QUERY_LIMIT", provider.nearby(at("35")).await().getString("status"));
        assertEquals(2, google.requests().size());

        JsonObject refused = provider.nearby(at("36")).await();
        assertEquals("OVER_QUERY_LIMIT", refused.getString("status"));
        assertTrue(refused.getString("error_message").contains("not asked again"), refused.encode());
        assertEquals("OK", provider.nearby(at("34.07")).await().getString("status"));
        assertEquals(2, google.requests().size(), "no call during the back-off");
    }

    @Test
    void callsBeyondTheInFlightLimitWaitThenFail() {
        google.behave(PlacesStandIn.Behaviour.NEVER_ANSWER);
        PlacesProvider provider = provider(new PlacesConfig(GOOGLE, google.newUrl(), Duration.ofMillis(3000), Duration.ZERO, 2,
                Duration.ofMillis(200)));
        long started = System.nanoTime();
        List<JsonObject> answers = callAll(provider, List.of(at("1"), at("2"), at("3"), at("4")));
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;
        assertEquals(2, google.requests().size(), "only two calls may be under way");
        long busy = answers.stream().filter(a -> a.getString("error_message").contains("busy")).count();
        long timedOut = answers.stream().filter(a -> a.getString("error_message").contains("did not answer")).count();
        assertEquals(2, busy, answers.toString());
        assertEquals(2, timedOut, answers.toString());
        assertTrue(elapsedMs < 6000, "took " + elapsedMs + " ms");
    }

    @Test
    void aQueuedCallRunsWhenASlotFrees() {
        google.behave(PlacesStandIn.Behaviour.ANSWER_LATE);
        PlacesProvider provider = provider(new PlacesConfig(GOOGLE, google.newUrl(), Duration.ofMillis(3000), Duration.ZERO, 1,
                Duration.ofMillis(2000)));
        List<JsonObject> answers = callAll(provider, List.of(at("1"), at("2"), at("3")));
        answers.forEach(answer -> assertEquals("OK", answer.getString("status")));
        assertEquals(3, google.requests().size());
    }
}
