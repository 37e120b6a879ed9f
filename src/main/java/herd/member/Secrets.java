package herd.member;

import herd.config.ConfigException;
import herd.peer.PeerAuth;

/**
 * What a member must know but never reads from a file or logs: the Places API key
 * ({@code PLACES_API_KEY}) and the herd secret that authenticates peer links
 * ({@code HERD_SECRET}). Either may be null.
 */
public record Secrets(String placesApiKey, String herdSecret) {

    public static final String API_KEY_VARIABLE = "PLACES_API_KEY";
    public static final String HERD_SECRET_VARIABLE = "HERD_SECRET";

    public static Secrets fromEnvironment() {
        return new Secrets(System.getenv(API_KEY_VARIABLE), System.getenv(HERD_SECRET_VARIABLE));
    }

    /** The herd secret as the peer links' authentication; an unusable secret is a configuration error. */
    public PeerAuth peerAuth() {
        try {
            return PeerAuth.of(herdSecret);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(HERD_SECRET_VARIABLE, e.getMessage());
        }
    }

    /** Never shows the values. */
    @Override
    public String toString() {
        return "Secrets[placesApiKey=" + (placesApiKey == null ? "none" : "set")
                + ", herdSecret=" + (herdSecret == null ? "none" : "set") + "]";
    }
}
