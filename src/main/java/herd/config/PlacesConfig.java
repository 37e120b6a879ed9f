package herd.config;

/**
 * How a member answers WHATSAT.
 *
 * @param provider        one of {@code google}, {@code google-legacy}, {@code offline}, {@code auto}
 * @param url             endpoint override (tests point it at a local HTTP server); null for the provider's default
 * @param timeoutMs       upper bound on one provider call
 * @param cacheTtlSeconds how long a Google answer is reused; 0 turns the cache off
 * @param maxInFlight     the most provider calls under way at once; more wait in a queue
 * @param queueTimeoutMs  the longest a call waits in that queue before it is answered as failed
 */
public record PlacesConfig(String provider, String url, long timeoutMs, long cacheTtlSeconds, int maxInFlight,
                           long queueTimeoutMs) {

    public static final long DEFAULT_TIMEOUT_MS = 5000;
    public static final long DEFAULT_CACHE_TTL_SECONDS = 300;
    public static final int DEFAULT_MAX_IN_FLIGHT = 16;
    public static final long DEFAULT_QUEUE_TIMEOUT_MS = 1000;

    /** The given provider, endpoint and time-out with the default cache and limits. */
    public PlacesConfig(String provider, String url, long timeoutMs) {
        this(provider, url, timeoutMs, DEFAULT_CACHE_TTL_SECONDS, DEFAULT_MAX_IN_FLIGHT, DEFAULT_QUEUE_TIMEOUT_MS);
    }
}
