package herd.places;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * A source of places around a point.
 *
 * <p>The answer is always a JSON object in the shape of a Google Places (legacy) Nearby
 * Search response ({@code html_attributions}, {@code results}, {@code status}, optional
 * {@code next_page_token} and {@code error_message}). The returned future never fails:
 * a time-out, an HTTP error or a refusal becomes a response with empty {@code results},
 * a non-OK {@code status} and an {@code error_message} that never contains the API key.
 */
public interface PlacesProvider {

    Future<JsonObject> nearby(PlacesQuery query);

    /** Starts what the provider needs before its first answer; called once the member listens. */
    default void prepare() {
    }

    /** How many answers came from a cache rather than from the source (for metrics). */
    default long cacheHits() {
        return 0;
    }

    /** Releases any HTTP client or other resource; the provider is not used afterwards. */
    default Future<Void> close() {
        return Future.succeededFuture();
    }
}
