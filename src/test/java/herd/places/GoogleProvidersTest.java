package herd.places;

import static herd.config.PlacesConfig.Provider.GOOGLE;
import static herd.config.PlacesConfig.Provider.GOOGLE_LEGACY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import herd.config.PlacesConfig;
import herd.config.PlacesConfig.Provider;
import herd.testing.PlacesStandIn;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Google providers against a local stand-in: what they send, what they make of the answers. */
class GoogleProvidersTest extends WithGoogleStandIn {

    private static final String KEY = "secret-key-42";
    private static final PlacesQuery UCLA = new PlacesQuery(new BigDecimal("34.068930"), new BigDecimal("-118.445127"),
            new BigDecimal("10000"));

    private PlacesProvider provider(Provider name, String url, long timeoutMs) {
        return provider(PlacesConfig.of(name, url, Duration.ofMillis(timeoutMs)), KEY);
    }

    @Test
    void theNewApiIsAskedByPostAndItsPlacesComeBackInTheLegacyShape() {
        JsonObject answer = provider(GOOGLE, google.newUrl(), 2000).nearby(UCLA).await();

        PlacesStandIn.Request request = google.requests().get(0);
        assertEquals("POST", request.method());
        assertEquals(PlacesStandIn.NEW_PATH, request.path());
        assertEquals(KEY, request.headers().get("X-Goog-Api-Key"));
        assertEquals(GooglePlacesProvider.FIELD_MASK, request.headers().get("X-Goog-FieldMask"));
        JsonObject body = new JsonObject(request.body());
        assertEquals(20, body.getInteger("maxResultCount"));
        JsonObject circle = body.getJsonObject("locationRestriction").getJsonObject("circle");
        assertEquals(10000.0, circle.getDouble("radius"));
        assertEquals(new JsonObject().put("latitude", 34.06893).put("longitude", -118.445127), circle.getJsonObject("center"));

        assertEquals("OK", answer.getString("status"));
        assertEquals(new JsonArray(), answer.getJsonArray("html_attributions"));
        JsonObject first = answer.getJsonArray("results").getJsonObject(0);
        assertEquals(new JsonObject()
                .put("business_status", "OPERATIONAL")
                .put("geometry", new JsonObject().put("location", new JsonObject().put("lat", 34.071).put("lng", -118.44)))
                .put("name", "Place 1")
                .put("place_id", "place-1")
                .put("rating", 4.5)
                .put("types", new JsonArray().add("university").add("point_of_interest"))
                .put("user_ratings_total", 101)
                .put("vicinity", "1 Westwood Blvd, Los Angeles"), first);
    }

    @Test
    void theLegacyApiIsAskedByGetWithMetresAndItsAnswerPassesThrough() {
        JsonObject answer = provider(GOOGLE_LEGACY, google.legacyUrl(), 2000)
                .nearby(new PlacesQuery(new BigDecimal("-33.86"), new BigDecimal("151.2"), new BigDecimal("500.000")))
                .await();

        PlacesStandIn.Request request = google.requests().get(0);
        assertEquals("GET", request.method());
        assertEquals(PlacesStandIn.LEGACY_PATH, request.path());
        assertEquals("-33.86,151.2", request.query().get("location"));
        assertEquals("500", request.query().get("radius"));
        assertEquals(KEY, request.query().get("key"));
        assertEquals(PlacesStandIn.legacyResponse(), answer);
    }

    @Test
    void theLegacyRadiusIsPlainMetres() {
        PlacesProvider legacy = provider(GOOGLE_LEGACY, google.legacyUrl(), 2000);
        BigDecimal thousand = new BigDecimal("1000");
        legacy.nearby(new PlacesQuery(BigDecimal.ONE, BigDecimal.ONE, new BigDecimal("10").multiply(thousand))).await();
        legacy.nearby(new PlacesQuery(BigDecimal.ONE, BigDecimal.ONE, new BigDecimal("0.5").multiply(thousand))).await();
        legacy.nearby(new PlacesQuery(BigDecimal.ONE, BigDecimal.ONE, new BigDecimal("0.0015").multiply(thousand))).await();
        assertEquals(List.of("10000", "500", "1.5"),
                google.requests().stream().map(request -> request.query().get("radius")).toList());
    }

    @Test
    void httpErrorsAndTimeOutsBecomeFailuresThatNeverShowTheKey() {
        google.behave(PlacesStandIn.Behaviour.FAIL_500);
        for (Provider name : new Provider[] {GOOGLE, GOOGLE_LEGACY}) {
            String url = name == GOOGLE ? google.newUrl() : google.legacyUrl();
            JsonObject failed = provider(name, url, 2000).nearby(UCLA).await();
            assertEquals("UNKNOWN_ERROR", failed.getString("status"), name.fileName());
            assertTrue(failed.getJsonArray("results").isEmpty(), name.fileName());
            assertTrue(failed.getString("error_message").contains("500"), name.fileName());
        }

        google.behave(PlacesStandIn.Behaviour.NEVER_ANSWER);
        long started = System.nanoTime();
        JsonObject timedOut = provider(GOOGLE_LEGACY, google.legacyUrl(), 300).nearby(UCLA).await();
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;
        assertTrue(elapsedMs < 2000, "took " + elapsedMs + " ms");
        assertEquals("UNKNOWN_ERROR", timedOut.getString("status"));
        assertFalse(timedOut.encode().contains(KEY), timedOut.encode());
        assertEquals("places provider did not answer within 300 ms", timedOut.getString("error_message"));
    }

    @Test
    void anUnreachableProviderIsAFailure() {
        JsonObject failed = provider(GOOGLE, "http://127.0.0.1:1/v1/places:searchNearby", 2000).nearby(UCLA).await();
        assertEquals("UNKNOWN_ERROR", failed.getString("status"));
        assertTrue(failed.getString("error_message").startsWith("places provider unreachable"), failed.encode());
    }

    @Test
    void withoutAKeyGoogleIsNotCalled() {
        PlacesProvider keyless = provider(PlacesConfig.of(GOOGLE, google.newUrl(), Duration.ofMillis(2000)), null);
        JsonObject denied = keyless.nearby(UCLA).await();
        assertEquals("REQUEST_DENIED", denied.getString("status"));
        assertTrue(denied.getString("error_message").contains("PLACES_API_KEY"));
        assertTrue(google.requests().isEmpty());
    }
}
