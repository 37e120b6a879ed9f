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
 * The legacy Places Nearby Search ({@code nearbysearch/json}), whose answer is passed through.
 * It reports its own errors with HTTP 200 and a non-OK {@code status}; any other HTTP status
 * is an UNKNOWN_ERROR.
 */
final class LegacyGooglePlacesProvider extends HttpPlacesProvider {

    static final String DEFAULT_URL = "https://maps.googleapis.com/maps/api/place/nearbysearch/json";

    LegacyGooglePlacesProvider(Vertx vertx, String url, long timeoutMs, String apiKey, Logger log) {
        super(vertx, "google-legacy", url, DEFAULT_URL, timeoutMs, apiKey, log);
    }

    @Override
    HttpRequest<Buffer> request(WebClient client, String url, PlacesQuery query, String apiKey) {
        return client.getAbs(url)
                .addQueryParam("location", query.latitude().toPlainString() + "," + query.longitude().toPlainString())
                .addQueryParam("radius", query.radiusMetres().stripTrailingZeros().toPlainString())
                .addQueryParam("key", apiKey);
    }

    @Override
    JsonObject translate(JsonObject body) {
        // getString would turn any value into text; the status must be a string.
        if (!(body.getValue("status") instanceof String status)) {
            throw new DecodeException("no status");
        }
        if (status.equals(PlacesResponses.OK) || status.equals(PlacesResponses.ZERO_RESULTS)) {
            if (body.getJsonArray("results") == null) {
                throw new DecodeException("no results");
            }
            return body;
        }
        // Google's own error text can quote the request, key included.
        return body.put("results", new JsonArray())
                .put("error_message", redact(body.getString("error_message", "places provider answered " + status)));
    }
}
