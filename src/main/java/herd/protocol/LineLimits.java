package herd.protocol;

/**
 * How long a line may be. A client's line has a fixed maximum; a peer's line must hold every
 * AT line that a valid client line can make, or an update a member acknowledged could be
 * refused by its neighbours and never spread.
 */
public final class LineLimits {

    /** The longest client line a member buffers (protocol.md, Limits). */
    public static final int CLIENT = 8 * 1024;
    /** The longest member name: an origin is one field of every AT line. */
    public static final int MEMBER_NAME = 64;
    /** The longest line on a peer link: the longest AT line, longer than any other peer line. */
    public static final int PEER = longestAtLine(CLIENT, MEMBER_NAME);

    private LineLimits() {
    }

    /**
     * The longest AT line a client line of at most {@code clientLine} bytes can make at an origin
     * whose name has at most {@code nameLength} bytes.
     *
     * <p>{@code IAMAT c l t} takes at least 8 bytes besides its operands (the keyword and three
     * separators), so the operands take at most {@code clientLine - 8}. The AT line repeats them
     * with 7 bytes of its own ({@code AT}, five separators) and adds the origin and the time
     * difference. The difference is longest when the client time is a whole number as long as the
     * rest allows, {@code clientLine - 13} digits (a one-byte ID, a four-byte location such as
     * {@code +0+0}): then it has as many digits before its point, plus a sign, the point and nine
     * decimals. In all: {@code 7 + name + (clientLine - 2) + (clientLine - 8)}.
     */
    static int longestAtLine(int clientLine, int nameLength) {
        return 2 * clientLine - 3 + nameLength;
    }
}
