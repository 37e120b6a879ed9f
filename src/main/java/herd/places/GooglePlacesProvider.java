package herd.places;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import org.slf4j.Logger;

/**
 * Places API (New) {@code places:searchNearby}, answered in the legacy Nearby Search shape
 * that WHATSAT clients expect.
 */
final class GooglePlacesProvider extends HttpPlacesProvider {

    static final String DEFAULT_URL = "https://places.googleapis.com/v1/places:searchNearby";
    static final String FIELD_MASK = "places.id,places.displayName,places.location,places.types,"
            + "places.shortFormattedAddress,places.rating,places.userRatingCount,places.businessStatus";

    GooglePlacesProvider(Vertx vertx, String url, long timeoutMs, String apiKey, Logger log) {
        super(vertx, "google", url, DEFAULT_URL, timeoutMs, apiKey, log);
    }

    @Override
    HttpRequest<Buffer> request(WebClient client, String url, PlacesQuery query, String apiKey) {
        return client.postAbs(url)
                .putHeader("X-Goog-Api-Key", apiKey)
                .putHeader("X-Goog-FieldMask", FIELD_MASK);
    }

    @Override
    JsonObject body(PlacesQuery query) {
        JsonObject circle = new JsonObject()
                .put("center", new JsonObject()
                        .put("latitude", query.latitude().doubleValue())
                        .put("longitude", query.longitude().doubleValue()))
                .put("radius", query.radiusMetres().doubleValue());
        return new JsonObject()
                .put("maxResultCount", PlacesQuery.MAX_RESULTS)
                .put("locationRestriction", new JsonObject().put("circle", circle));
    }

    /** Google answers no places with {@code {}}. */
    @Override
    JsonObject translate(JsonObject body) {
        JsonArray places = body.getJsonArray("places", new JsonArray());
        JsonArray results = new JsonArray();
        for (int i = 0; i < places.size(); i++) {
            JsonObject place = places.getJsonObject(i);
            if (place == null) {
                throw new DecodeException("a null place");
            }
            results.add(legacy(place));
        }
        return PlacesResponses.results(results);
    }

    /** Google's error statuses, as the legacy API named them. */
    @Override
    String failureStatus(int httpStatus, JsonObject error) {
        String googleStatus = error == null || !(error.getValue("status") instanceof String s) ? "" : s;
        if (httpStatus == 429 || googleStatus.equals("RESOURCE_EXHAUSTED")) {
            return PlacesResponses.OVER_QUERY_LIMIT;
        }
        if (httpStatus == 401 || httpStatus == 403 || googleStatus.equals("PERMISSION_DENIED")
                || googleStatus.equals("UNAUTHENTICATED")) {
            return PlacesResponses.REQUEST_DENIED;
        }
        if (httpStatus == 400 || googleStatus.equals("INVALID_ARGUMENT")) {
            return PlacesResponses.INVALID_REQUEST;
        }
        return PlacesResponses.UNKNOWN_ERROR;
    }

    /** One place in the legacy result shape, with the fields Google gave, in the legacy API's (alphabetical) order. */
    static JsonObject legacy(JsonObject place) {
        JsonObject result = new JsonObject();
        putIfPresent(result, "business_status", place.getValue("businessStatus"));
        JsonObject location = place.getJsonObject("location");
        if (location != null) {
            result.put("geometry", new JsonObject().put("location", new JsonObject()
                    .put("lat", location.getValue("latitude"))
                    .put("lng", location.getValue("longitude"))));
        }
        JsonObject displayName = place.getJsonObject("displayName");
        putIfPresent(result, "name", displayName == null ? null : displayName.getValue("text"));
        putIfPresent(result, "place_id", place.getValue("id"));
        putIfPresent(result, "rating", place.getValue("rating"));
        putIfPresent(result, "types", place.getValue("types"));
        putIfPresent(result, "user_ratings_total", place.getValue("userRatingCount"));
        putIfPresent(result, "vicinity", place.getValue("shortFormattedAddress"));
        return result;
    }

    private static void putIfPresent(JsonObject target, String key, Object value) {
        if (value != null) {
            target.put(key, value);
        }
    }
}
