package herd.places;

import herd.config.PlacesConfig;
import herd.places.offline.OfflinePlacesProvider;
import io.vertx.core.Vertx;
import java.time.Duration;
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
        PlacesProvider google = provider.equals("google")
                ? new GooglePlacesProvider(vertx, config.url(), config.timeoutMs(), apiKey, log)
                : new LegacyGooglePlacesProvider(vertx, config.url(), config.timeoutMs(), apiKey, log);
        // Cache hits and shared calls take no slot: only real calls are bounded.
        PlacesProvider bounded = new BoundedPlacesProvider(vertx, google, config.maxInFlight(), config.queueTimeoutMs(), log);
        return config.cacheTtlSeconds() == 0 ? bounded
                : new CachedPlacesProvider(vertx, bounded, Duration.ofSeconds(config.cacheTtlSeconds()), log);
    }
}
