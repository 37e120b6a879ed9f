package herd.testing;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local HTTP server standing in for both Google Places endpoints: it records every request
 * and answers as the test tells it to.
 */
public final class PlacesStandIn implements AutoCloseable {

    public static final String NEW_PATH = "/v1/places:searchNearby";
    public static final String LEGACY_PATH = "/maps/api/place/nearbysearch/json";

    /** How the stand-in answers. */
    public enum Behaviour { ANSWER, ANSWER_LATE, FAIL_500, OVER_QUERY_LIMIT, NEVER_ANSWER }

    /** How long {@link Behaviour#ANSWER_LATE} waits before answering. */
    public static final long LATE_MS = 300;

    /** One request as received. */
    public record Request(String method, String path, MultiMap query, MultiMap headers, String body) {
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Behaviour behaviour = Behaviour.ANSWER;

    private final Vertx vertx;

    private PlacesStandIn(Vertx vertx) {
        this.vertx = vertx;
        server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            requests.add(new Request(request.method().name(), request.path(), request.params(),
                    request.headers(), body.toString()));
            answer(request);
        }));
    }

    public static PlacesStandIn start(Vertx vertx) {
        PlacesStandIn standIn = new PlacesStandIn(vertx);
        standIn.server.listen(0, "127.0.0.1").await();
        return standIn;
    }

    public String newUrl() {
        return "http://127.0.0.1:" + server.actualPort() + NEW_PATH;
    }

    public String legacyUrl() {
        return "http://127.0.0.1:" + server.actualPort() + LEGACY_PATH;
    }

    public void behave(Behaviour behaviour) {
        this.behaviour = behaviour;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    private void answer(HttpServerRequest request) {
        switch (behaviour) {
            case FAIL_500 -> request.response().setStatusCode(500).end("{\"error\": \"internal\"}");
            case OVER_QUERY_LIMIT -> request.response().setStatusCode(429).end(new JsonObject().put("error",
                    new JsonObject().put("code", 429).put("message", "Quota exceeded").put("status", "RESOURCE_EXHAUSTED"))
                    .encode());
            case NEVER_ANSWER -> { }
            case ANSWER -> answerWithPlaces(request);
            case ANSWER_LATE -> vertx.setTimer(LATE_MS, t -> answerWithPlaces(request));
        }
    }

    private static void answerWithPlaces(HttpServerRequest request) {
        request.response().putHeader("content-type", "application/json")
                .end((request.path().equals(NEW_PATH) ? newResponse() : legacyResponse()).encode());
    }

    /** Three places as Places API (New) returns them. */
    public static JsonObject newResponse() {
        JsonArray places = new JsonArray();
        for (int i = 1; i <= 3; i++) {
            places.add(new JsonObject()
                    .put("id", "place-" + i)
                    .put("types", new JsonArray().add("university").add("point_of_interest"))
                    .put("location", new JsonObject().put("latitude", 34.07 + i / 1000.0).put("longitude", -118.44))
                    .put("rating", 4.5)
                    .put("userRatingCount", 100 + i)
                    .put("businessStatus", "OPERATIONAL")
                    .put("shortFormattedAddress", i + " Westwood Blvd, Los Angeles")
                    .put("displayName", new JsonObject().put("text", "Place " + i).put("languageCode", "en")));
        }
        return new JsonObject().put("places", places);
    }

    /** Three places as the legacy Nearby Search returns them. */
    public static JsonObject legacyResponse() {
        JsonArray results = new JsonArray();
        for (int i = 1; i <= 3; i++) {
            results.add(new JsonObject()
                    .put("name", "Place " + i)
                    .put("place_id", "place-" + i)
                    .put("geometry", new JsonObject().put("location",
                            new JsonObject().put("lat", 34.07 + i / 1000.0).put("lng", -118.44)))
                    .put("vicinity", i + " Westwood Blvd, Los Angeles"));
        }
        return new JsonObject().put("html_attributions", new JsonArray()).put("results", results).put("status", "OK");
    }

    @Override
    public void close() {
        server.close().await();
    }
}
