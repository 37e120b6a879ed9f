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

    /** @param secret the herd secret, or null or blank for none */
    public static PeerAuth of(String secret) {
        return secret == null || secret.isBlank() ? NONE
                : new PeerAuth(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
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
