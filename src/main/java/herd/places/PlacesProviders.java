package herd.places;

import herd.config.PlacesConfig;
import herd.places.offline.OfflinePlacesProvider;
import io.vertx.core.Vertx;
import org.slf4j.Logger;

/** Makes the provider a member's configuration names (PROTOCOL.md §8). */
public final class PlacesProviders {

    private PlacesProviders() {
    }

    /** @param apiKey the Places API key, or null or empty when none is set */
    public static PlacesProvider create(Vertx vertx, PlacesConfig config, String apiKey, Logger log) {
        boolean keyed = apiKey != null && !apiKey.isBlank();
        String provider = config.provider().equals("auto") ? (keyed ? "google" : "offline") : config.provider();
        if (provider.equals("offline")) {
            return new OfflinePlacesProvider(vertx, log);
        }
        if (!keyed) {
            return new KeylessPlacesProvider(provider);
        }
        return provider.equals("google")
                ? new GooglePlacesProvider(vertx, config.url(), config.timeoutMs(), apiKey, log)
                : new LegacyGooglePlacesProvider(vertx, config.url(), config.timeoutMs(), apiKey, log);
    }
}
