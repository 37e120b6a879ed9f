package herd.places;

import static herd.config.PlacesConfig.Provider.GOOGLE;
import static herd.config.PlacesConfig.Provider.GOOGLE_LEGACY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import herd.config.PlacesConfig;
import herd.config.PlacesConfig.Provider;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/**
 * What the Google providers make of every kind of answer from a local server: Google's
 * errors, malformed bodies, places with missing fields, a server that trickles bytes; and
 * that the key shows up in no answer and no log line.
 */
@ExtendWith(VertxExtension.class)
class GoogleAnswersTest {

    private static final String KEY = "secret-key-42";
    private static final PlacesQuery QUERY = new PlacesQuery(new BigDecimal("34.068930"),
            new BigDecimal("-118.445127"), new BigDecimal("10000"));

    private Vertx vertx;
    private Logger log;
    private ListAppender<ILoggingEvent> logged;
    /** What the local server answers next; set by each test. */
    private volatile Handler<HttpServerRequest> answer;
    private String url;

    @BeforeEach
    void start(Vertx vertx) {
        this.vertx = vertx;
        log = (Logger) LoggerFactory.getLogger("herd.places.test." + System.nanoTime());
        logged = new ListAppender<>();
        logged.start();
        log.addAppender(logged);
        int port = vertx.createHttpServer()
                .requestHandler(request -> request.body().onSuccess(body -> answer.handle(request)))
                .listen(0, "127.0.0.1").await().actualPort();
        url = "http://127.0.0.1:" + port + "/endpoint";
    }

    private JsonObject ask(Provider provider, long timeoutMs) {
        PlacesConfig uncached = new PlacesConfig(provider, url, Duration.ofMillis(timeoutMs), Duration.ZERO, 16,
                Duration.ofMillis(1000));
        PlacesProvider places = PlacesProviders.create(vertx, uncached, KEY, log);
        JsonObject answer = places.nearby(QUERY).await();
        places.close().await();
        return answer;
    }

    private void answerWith(int httpStatus, String body) {
        answer = request -> request.response().setStatusCode(httpStatus)
                .putHeader("content-type", "application/json").end(body);
    }

    private static String googleError(int code, String status, String message) {
        return new JsonObject().put("error",
                new JsonObject().put("code", code).put("message", message).put("status", status)).encode();
    }

    @Test
    void googleErrorsKeepTheirLegacyNames() {
        answerWith(400, googleError(400, "INVALID_ARGUMENT", "Invalid radius"));
        JsonObject invalid = ask(GOOGLE, 2000);
        assertEquals(PlacesResponses.failure("INVALID_REQUEST", "places provider answered HTTP 400: Invalid radius"),
                invalid);

        answerWith(401, googleError(401, "UNAUTHENTICATED", "no credentials"));
        assertEquals("REQUEST_DENIED", ask(GOOGLE, 2000).getString("status"));
        answerWith(403, googleError(403, "PERMISSION_DENIED", "API key " + KEY + " not valid"));
        JsonObject denied = ask(GOOGLE, 2000);
        assertEquals("REQUEST_DENIED", denied.getString("status"));
        assertEquals("places provider answered HTTP 403: API key <key> not valid", denied.getString("error_message"));
        answerWith(403, "<html>Forbidden</html>");
        assertEquals("REQUEST_DENIED", ask(GOOGLE, 2000).getString("status"));
        answerWith(429, googleError(429, "RESOURCE_EXHAUSTED", "Quota exceeded"));
        assertEquals("OVER_QUERY_LIMIT", ask(GOOGLE, 2000).getString("status"));
        answerWith(503, "<html>Service Unavailable</html>");
        assertEquals(PlacesResponses.failure("UNKNOWN_ERROR", "places provider answered HTTP 503"), ask(GOOGLE, 2000));
    }

    @Test
    void placesWithMissingFieldsKeepOnlyWhatGoogleGave() {
        JsonObject full = new JsonObject()
                .put("id", "ChIJ7aVxnOTHwoARxKIntFtakKo")
                .put("types", new JsonArray().add("university").add("point_of_interest").add("establishment"))
                .put("shortFormattedAddress", "Los Angeles")
                .put("location", new JsonObject().put("latitude", 34.068921).put("longitude", -118.44518110000001))
                .put("rating", 4.6)
                .put("userRatingCount", 5403)
                .put("businessStatus", "OPERATIONAL")
                .put("displayName", new JsonObject().put("text", "University of California, Los Angeles")
                        .put("languageCode", "en"));
        JsonObject bare = new JsonObject().put("id", "ChIJbare").put("displayName", new JsonObject().put("text", "Bare"));
        answerWith(200, new JsonObject().put("places", new JsonArray().add(full).add(bare)).encode());

        JsonObject answer = ask(GOOGLE, 2000);

        assertEquals(new JsonObject()
                .put("html_attributions", new JsonArray())
                .put("results", new JsonArray()
                        .add(new JsonObject()
                                .put("business_status", "OPERATIONAL")
                                .put("geometry", new JsonObject().put("location",
                                        new JsonObject().put("lat", 34.068921).put("lng", -118.44518110000001)))
                                .put("name", "University of California, Los Angeles")
                                .put("place_id", "ChIJ7aVxnOTHwoARxKIntFtakKo")
                                .put("rating", 4.6)
                                .put("types", new JsonArray().add("university").add("point_of_interest")
                                        .add("establishment"))
                                .put("user_ratings_total", 5403)
                                .put("vicinity", "Los Angeles"))
                        .add(new JsonObject().put("name", "Bare").put("place_id", "ChIJbare")))
                .put("status", "OK"), answer);
    }

    @Test
    void noPlacesIsZeroResults() {
        answerWith(200, "{}");
        assertEquals(new JsonObject().put("html_attributions", new JsonArray()).put("results", new JsonArray())
                .put("status", "ZERO_RESULTS"), ask(GOOGLE, 2000));
        answerWith(200, "{\"places\": []}");
        assertEquals("ZERO_RESULTS", ask(GOOGLE, 2000).getString("status"));
    }

    @Test
    void malformedBodiesAreUnknownErrors() {
        JsonObject notJson = PlacesResponses.failure("UNKNOWN_ERROR",
                "places provider answered HTTP 200 with a body that is not the expected JSON");
        for (String body : new String[] {"", "not json", "[]", "{\"places\": \"none\"}", "{\"places\": [null]}",
                "{\"places\": [{\"displayName\": \"flat\"}]}"}) {
            answerWith(200, body);
            assertEquals(notJson, ask(GOOGLE, 2000), body);
        }
        for (String body : new String[] {"", "not json", "[]", "{\"results\": []}", "{\"status\": \"OK\"}",
                "{\"status\": 7, \"results\": []}"}) {
            answerWith(200, body);
            assertEquals(notJson, ask(GOOGLE_LEGACY, 2000), body);
        }
    }

    @Test
    void legacyAnswersPassThroughAndItsErrorsLoseTheirResults() {
        JsonObject page = new JsonObject()
                .put("html_attributions", new JsonArray().add("Listings by <a href=\"https://example.com/\">X</a>"))
                .put("next_page_token", "AciIO2d")
                .put("results", new JsonArray().add(new JsonObject().put("name", "A").put("place_id", "a")))
                .put("status", "OK");
        answerWith(200, page.encode());
        assertEquals(page, ask(GOOGLE_LEGACY, 2000));

        answerWith(200, new JsonObject()
                .put("error_message", "The provided API key is invalid: " + KEY)
                .put("html_attributions", new JsonArray())
                .put("results", new JsonArray().add(new JsonObject().put("name", "stale")))
                .put("status", "REQUEST_DENIED").encode());
        assertEquals(new JsonObject()
                .put("error_message", "The provided API key is invalid: <key>")
                .put("html_attributions", new JsonArray())
                .put("results", new JsonArray())
                .put("status", "REQUEST_DENIED"), ask(GOOGLE_LEGACY, 2000));

        answerWith(200, "{\"html_attributions\": [], \"results\": [], \"status\": \"OVER_QUERY_LIMIT\"}");
        JsonObject overLimit = ask(GOOGLE_LEGACY, 2000);
        assertEquals("OVER_QUERY_LIMIT", overLimit.getString("status"));
        assertEquals("places provider answered OVER_QUERY_LIMIT", overLimit.getString("error_message"));

        answerWith(502, "<html>Bad Gateway</html>");
        assertEquals(PlacesResponses.failure("UNKNOWN_ERROR", "places provider answered HTTP 502"),
                ask(GOOGLE_LEGACY, 2000));
    }

    @Test
    void aServerThatTricklesBytesStillMeetsTheDeadline() {
        // Each byte comes well within the time-out, so only a deadline on the whole call ends it.
        answer = request -> {
            HttpServerResponse response = request.response().setChunked(true);
            response.write("{");
            long trickle = vertx.setPeriodic(50, tick -> response.write(" "));
            response.closeHandler(closed -> vertx.cancelTimer(trickle));
        };
        for (Provider provider : new Provider[] {GOOGLE, GOOGLE_LEGACY}) {
            long started = System.nanoTime();
            JsonObject answer = ask(provider, 300);
            long elapsedMs = (System.nanoTime() - started) / 1_000_000;
            assertTrue(elapsedMs < 1500, provider.fileName() + " took " + elapsedMs + " ms");
            assertEquals(PlacesResponses.failure("UNKNOWN_ERROR", "places provider did not answer within 300 ms"),
                    answer, provider.fileName());
        }
    }

    @Test
    void theKeyIsInNoLogLine() {
        answer = request -> { };
        ask(GOOGLE_LEGACY, 300);
        answerWith(200, "{\"error_message\": \"bad key " + KEY + "\", \"results\": [], \"status\": \"REQUEST_DENIED\"}");
        ask(GOOGLE_LEGACY, 2000);
        answerWith(403, googleError(403, "PERMISSION_DENIED", "API key " + KEY + " not valid"));
        ask(GOOGLE, 2000);

        assertEquals(3, logged.list.size(), logged.list.toString());
        logged.list.forEach(event -> assertFalse(event.getFormattedMessage().contains(KEY), event.getFormattedMessage()));
        assertTrue(logged.list.get(0).getFormattedMessage().contains("UNKNOWN_ERROR, 0 results"),
                logged.list.get(0).getFormattedMessage());
    }
}
