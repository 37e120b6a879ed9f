package herd.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * How a member answers WHATSAT.
 *
 * @param provider     which places source answers
 * @param url          endpoint override (tests point it at a local HTTP server); null for the provider's default
 * @param timeout      upper bound on one provider call
 * @param cacheTtl     how long a Google answer is reused; zero turns the cache off
 * @param maxInFlight  the most provider calls under way at once; more wait in a queue
 * @param queueTimeout the longest a call waits in that queue before it is answered as failed
 */
public record PlacesConfig(Provider provider, String url, Duration timeout, Duration cacheTtl, int maxInFlight,
                           Duration queueTimeout) {

    /** The places sources, each with its name in a configuration file (places.md, Providers). */
    public enum Provider {
        GOOGLE("google"), GOOGLE_LEGACY("google-legacy"), OFFLINE("offline"),
        /** Google when a key is set, offline otherwise. */
        AUTO("auto");

        private final String fileName;

        Provider(String fileName) {
            this.fileName = fileName;
        }

        /** The provider's name as a configuration file spells it. */
        public String fileName() {
            return fileName;
        }

        public static Optional<Provider> fromFileName(String name) {
            return Arrays.stream(values()).filter(p -> p.fileName.equals(name)).findFirst();
        }
    }

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(5000);
    public static final Duration DEFAULT_CACHE_TTL = Duration.ofSeconds(300);
    public static final int DEFAULT_MAX_IN_FLIGHT = 16;
    public static final Duration DEFAULT_QUEUE_TIMEOUT = Duration.ofMillis(1000);

    /** What a member without a {@code places} object gets. */
    public static final PlacesConfig DEFAULTS = of(Provider.AUTO, null, DEFAULT_TIMEOUT);

    /** The given provider, endpoint and time-out with the default cache and limits. */
    public static PlacesConfig of(Provider provider, String url, Duration timeout) {
        return new PlacesConfig(provider, url, timeout, DEFAULT_CACHE_TTL, DEFAULT_MAX_IN_FLIGHT,
                DEFAULT_QUEUE_TIMEOUT);
    }

    /** The offline data set, as tests and generated herds use it. */
    public static PlacesConfig offline() {
        return of(Provider.OFFLINE, null, DEFAULT_TIMEOUT);
    }
}
