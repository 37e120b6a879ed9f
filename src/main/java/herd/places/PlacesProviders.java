package herd.places;

import herd.config.PlacesConfig;
import herd.config.PlacesConfig.Provider;
import herd.places.offline.OfflinePlacesProvider;
import io.vertx.core.Vertx;
import org.slf4j.Logger;

/** Makes the provider a member's configuration names (places.md, Providers). */
public final class PlacesProviders {

    private PlacesProviders() {
    }

    /**
     * The provider, made never to fail (see {@link #failSafe}).
     *
     * @param apiKey the Places API key, or null or blank when none is set
     */
    public static PlacesProvider create(Vertx vertx, PlacesConfig config, String apiKey, Logger log) {
        boolean keyed = apiKey != null && !apiKey.isBlank();
        Provider provider = config.provider() == Provider.AUTO ? (keyed ? Provider.GOOGLE : Provider.OFFLINE)
                : config.provider();
        PlacesProvider places = provider == Provider.OFFLINE ? new OfflinePlacesProvider(vertx, log)
                : keyed ? google(vertx, config, provider, apiKey, log) : new KeylessPlacesProvider(provider.fileName());
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

    private static PlacesProvider google(Vertx vertx, PlacesConfig config, Provider provider, String apiKey,
                                         Logger log) {
        long timeoutMs = config.timeout().toMillis();
        PlacesProvider google = provider == Provider.GOOGLE
                ? new GooglePlacesProvider(vertx, config.url(), timeoutMs, apiKey, log)
                : new LegacyGooglePlacesProvider(vertx, config.url(), timeoutMs, apiKey, log);
        // Cache hits and shared calls take no slot: only real calls are bounded.
        PlacesProvider bounded = new BoundedPlacesProvider(vertx, google, config.maxInFlight(),
                config.queueTimeout().toMillis(), log);
        return config.cacheTtl().isZero() ? bounded : new CachedPlacesProvider(vertx, bounded, config.cacheTtl(), log);
    }
}
