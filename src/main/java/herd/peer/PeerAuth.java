package herd.peer;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Mutual authentication of peer links by challenge and response over the herd secret
 * ({@code HERD_SECRET}): each side sends a fresh random nonce, and each proves it knows
 * the secret with an HMAC-SHA256 of the other side's nonce and both names. Nonces are new
 * for every connection, so a recorded proof is worth nothing later; the secret itself
 * never crosses the wire.
 */
public final class PeerAuth {

    /** Links without authentication, when no secret is configured. */
    public static final PeerAuth NONE = new PeerAuth(null);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    private PeerAuth(SecretKeySpec key) {
        this.key = key;
    }

    /**
     * The shortest secret taken: a short one could be guessed from one recorded handshake, and a
     * blank one is a mistake in the environment, not a wish to run without authentication.
     */
    public static final int MIN_SECRET_LENGTH = 16;

    /**
     * @param secret the herd secret, or null for none
     * @throws IllegalArgumentException if the secret is set but blank or shorter than {@link #MIN_SECRET_LENGTH}
     */
    public static PeerAuth of(String secret) {
        if (secret == null) {
            return NONE;
        }
        String advice = "set at least " + MIN_SECRET_LENGTH + " characters (e.g. openssl rand -hex 32), or unset it"
                + " to run without peer authentication";
        if (secret.isBlank()) {
            throw new IllegalArgumentException("is blank; " + advice);
        }
        if (secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("is only " + secret.length() + " characters long; " + advice);
        }
        return new PeerAuth(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    }

    public boolean enabled() {
        return key != null;
    }

    String nonce() {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        return HexFormat.of().formatHex(nonce);
    }

    /** What the accepting member sends to prove itself to the dialler. */
    String acceptorProof(String dialler, String acceptor, String diallerNonce) {
        return hmac("accept " + dialler + " " + acceptor + " " + diallerNonce);
    }

    /** What the dialling member sends to prove itself to the acceptor. */
    String diallerProof(String dialler, String acceptor, String acceptorNonce) {
        return hmac("dial " + dialler + " " + acceptor + " " + acceptorNonce);
    }

    /** Compares in constant time, so that timing tells nothing about the expected proof. */
    static boolean matches(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.ISO_8859_1),
                given.getBytes(StandardCharsets.ISO_8859_1));
    }

    private String hmac(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.ISO_8859_1)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
