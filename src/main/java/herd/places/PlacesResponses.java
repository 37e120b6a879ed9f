package herd.places;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Answers in the legacy Nearby Search shape that every provider returns. */
public final class PlacesResponses {

    public static final String OK = "OK";
    public static final String ZERO_RESULTS = "ZERO_RESULTS";
    public static final String UNKNOWN_ERROR = "UNKNOWN_ERROR";
    public static final String REQUEST_DENIED = "REQUEST_DENIED";
    public static final String INVALID_REQUEST = "INVALID_REQUEST";
    public static final String OVER_QUERY_LIMIT = "OVER_QUERY_LIMIT";

    private PlacesResponses() {
    }

    public static JsonObject results(JsonArray results) {
        return new JsonObject()
                .put("html_attributions", new JsonArray())
                .put("results", results)
                .put("status", results.isEmpty() ? ZERO_RESULTS : OK);
    }

    /** A failed call: no results, the status, and a message for the client (never holding the key). */
    public static JsonObject failure(String status, String errorMessage) {
        return new JsonObject()
                .put("html_attributions", new JsonArray())
                .put("results", new JsonArray())
                .put("status", status)
                .put("error_message", errorMessage);
    }
}
