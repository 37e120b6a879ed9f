package herd.places;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.slf4j.Logger;

/** The legacy Places Nearby Search ({@code nearbysearch/json}), whose answer is passed through. */
final class LegacyGooglePlacesProvider extends HttpPlacesProvider {

    static final String DEFAULT_URL = "https://maps.googleapis.com/maps/api/place/nearbysearch/json";

    LegacyGooglePlacesProvider(Vertx vertx, String url, long timeoutMs, String apiKey, Logger log) {
        super(vertx, "google-legacy", url, DEFAULT_URL, timeoutMs, apiKey, log);
    }

    @Override
    Future<HttpResponse<Buffer>> send(WebClient client, String url, PlacesQuery query, String apiKey, long timeoutMs) {
        return client.getAbs(url)
                .addQueryParam("location", query.latitude().toPlainString() + "," + query.longitude().toPlainString())
                .addQueryParam("radius", query.radiusMetres().stripTrailingZeros().toPlainString())
                .addQueryParam("key", apiKey)
                .timeout(timeoutMs)
                .send();
    }

    @Override
    JsonObject translate(HttpResponse<Buffer> response) {
        if (response.statusCode() != 200) {
            return PlacesResponses.failure(PlacesResponses.UNKNOWN_ERROR,
                    "places provider answered HTTP " + response.statusCode());
        }
        JsonObject body = response.bodyAsJsonObject();
        String status = body.getString("status", PlacesResponses.UNKNOWN_ERROR);
        if (!status.equals(PlacesResponses.OK) && !status.equals(PlacesResponses.ZERO_RESULTS)) {
            body.put("results", new JsonArray());
            body.put("error_message", redact(body.getString("error_message", "places provider answered " + status)));
        }
        return body;
    }
}
