package herd.places;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/** A Google provider chosen without a key: every answer says so, without calling out. */
final class KeylessPlacesProvider implements PlacesProvider {

    private final String provider;

    KeylessPlacesProvider(String provider) {
        this.provider = provider;
    }

    @Override
    public Future<JsonObject> nearby(PlacesQuery query) {
        return Future.succeededFuture(PlacesResponses.failure(PlacesResponses.REQUEST_DENIED,
                "no Places API key is configured for provider " + provider + " (set PLACES_API_KEY)"));
    }
}
