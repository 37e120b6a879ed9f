package herd.protocol;

/**
 * Tells a TLS handshake arriving on a plain TCP port (security.md, Refusals): a TLS connection opens
 * with a handshake record, byte 22 then the major version 3, where a protocol line opens with a
 * printable command word. No line of the protocol can start so.
 */
public final class TlsHello {

    private static final byte HANDSHAKE_RECORD = 22;
    private static final byte MAJOR_VERSION = 3;

    private TlsHello() {
    }

    /** Whether a connection's first bytes, {@code first} and {@code second} (-1 when not arrived yet), open TLS. */
    public static boolean opens(int first, int second) {
        return first == HANDSHAKE_RECORD && (second == -1 || second == MAJOR_VERSION);
    }
}
