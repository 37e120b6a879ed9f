package herd.places;

import herd.config.PlacesConfig;
import herd.places.offline.OfflinePlacesProvider;
import io.vertx.core.Vertx;
import java.time.Duration;
import org.slf4j.Logger;

/** Makes the provider a member's configuration names (places.md, Providers). */
public final class PlacesProviders {

    private PlacesProviders() {
    }

    /**
     * The provider, made never to fail (see {@link #failSafe}).
     *
     * @param apiKey the Places API key, or null or blank when none is set
     * @throws IllegalArgumentException for a provider that is none of {@code google},
     *                                  {@code google-legacy}, {@code offline}, {@code auto}
     */
    public static PlacesProvider create(Vertx vertx, PlacesConfig config, String apiKey, Logger log) {
        boolean keyed = apiKey != null && !apiKey.isBlank();
        String provider = config.provider().equals("auto") ? (keyed ? "google" : "offline") : config.provider();
        PlacesProvider places = switch (provider) {
            case "offline" -> new OfflinePlacesProvider(vertx, log);
            case "google", "google-legacy" -> keyed ? google(vertx, config, provider, apiKey, log)
                    : new KeylessPlacesProvider(provider);
            default -> throw new IllegalArgumentException("unknown places provider: " + provider);
        };
        return failSafe(places, apiKey, log);
    }

    /**
     * {@code places}, made never to fail: an exception or a failed future becomes the
     * {@code UNKNOWN_ERROR} answer.
     *
     * @param apiKey kept out of the log line a failure makes; null when there is none
     */
    public static PlacesProvider failSafe(PlacesProvider places, String apiKey, Logger log) {
        return new FailSafePlacesProvider(places, apiKey, log);
    }

    private static PlacesProvider google(Vertx vertx, PlacesConfig config, String provider, String apiKey, Logger log) {
        PlacesProvider google = provider.equals("google")
                ? new GooglePlacesProvider(vertx, config.url(), config.timeoutMs(), apiKey, log)
                : new LegacyGooglePlacesProvider(vertx, config.url(), config.timeoutMs(), apiKey, log);
        // Cache hits and shared calls take no slot: only real calls are bounded.
        PlacesProvider bounded = new BoundedPlacesProvider(vertx, google, config.maxInFlight(), config.queueTimeoutMs(), log);
        return config.cacheTtlSeconds() == 0 ? bounded
                : new CachedPlacesProvider(vertx, bounded, Duration.ofSeconds(config.cacheTtlSeconds()), log);
    }
}
