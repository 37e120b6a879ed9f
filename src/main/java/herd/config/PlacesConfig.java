package herd.config;

/**
 * How a member answers WHATSAT.
 *
 * @param provider  one of {@code google}, {@code google-legacy}, {@code offline}, {@code auto}
 * @param url       endpoint override (tests point it at a local HTTP server); null for the provider's default
 * @param timeoutMs upper bound on one provider call
 */
public record PlacesConfig(String provider, String url, long timeoutMs) {

    public static final long DEFAULT_TIMEOUT_MS = 5000;
}
