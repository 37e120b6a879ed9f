package herd.member;

import herd.config.ConfigException;
import herd.peer.PeerAuth;

/**
 * What a member must know but never reads from a file or logs: the Places API key
 * ({@code PLACES_API_KEY}), the herd secret that authenticates peer links ({@code HERD_SECRET})
 * and the token for the admin endpoint's requests other than GET ({@code HERD_ADMIN_TOKEN}).
 * Any may be null.
 */
public record Secrets(String placesApiKey, String herdSecret, String adminToken) {

    public static final String API_KEY_VARIABLE = "PLACES_API_KEY";
    public static final String HERD_SECRET_VARIABLE = "HERD_SECRET";
    public static final String ADMIN_TOKEN_VARIABLE = "HERD_ADMIN_TOKEN";
    /** Long enough not to be guessed by trying: 16 random characters. */
    static final int MIN_ADMIN_TOKEN = 16;

    public Secrets(String placesApiKey, String herdSecret) {
        this(placesApiKey, herdSecret, null);
    }

    public static Secrets fromEnvironment() {
        return new Secrets(System.getenv(API_KEY_VARIABLE), System.getenv(HERD_SECRET_VARIABLE),
                System.getenv(ADMIN_TOKEN_VARIABLE));
    }

    /** The admin token, or null for none; a token too short to be safe is a configuration error. */
    public String checkedAdminToken() {
        if (adminToken != null && adminToken.strip().length() < MIN_ADMIN_TOKEN) {
            throw new ConfigException(ADMIN_TOKEN_VARIABLE, "must be at least " + MIN_ADMIN_TOKEN
                    + " characters (e.g. openssl rand -hex 16), or unset");
        }
        return adminToken == null ? null : adminToken.strip();
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
                + ", herdSecret=" + (herdSecret == null ? "none" : "set")
                + ", adminToken=" + (adminToken == null ? "none" : "set") + "]";
    }
}
