package herd.protocol;

import java.io.ByteArrayOutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Cuts a byte stream into lines ending with LF (a CR before the LF is dropped), never
 * buffering more than the maximum line length.
 *
 * <p>Lines are handed on as ISO-8859-1 strings: one char per byte, so client IDs in any
 * encoding, or in none, are echoed byte for byte when written back the same way.
 */
public final class LineFramer {

    /** Receives what the framer cuts. */
    public interface Sink {

        void line(String line);

        /** A line longer than the maximum: its first {@code maxLength} bytes; the rest is discarded. */
        void overlong(String head);
    }

    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LFS = 0x0a0a0a0a0a0a0a0aL;
    private static final long LOW_BITS = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private int maxLength;
    private final Sink sink;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private boolean discarding;

    public LineFramer(int maxLength, Sink sink) {
        this.maxLength = maxLength;
        this.sink = sink;
    }

    /**
     * Changes the longest line from the next line on, as when a connection that opened as a
     * client's turns out to be a peer link, whose lines may be longer.
     */
    public void maxLength(int maxLength) {
        this.maxLength = maxLength;
    }

    public void feed(byte[] bytes) {
        int start = 0;
        for (int i = nextLf(bytes, 0); i >= 0; i = nextLf(bytes, start)) {
            if (pending.size() == 0 && !discarding) {
                // The whole line is in this chunk: one copy, straight into the string.
                deliver(line(bytes, start, i));
            } else {
                append(bytes, start, i - start);
                if (!discarding) {
                    deliver(take());
                }
            }
            discarding = false;
            start = i + 1;
        }
        append(bytes, start, bytes.length - start);
    }

    /**
     * Where the next LF is, or -1. Eight bytes per step: finding line ends was most of a peer
     * link's framing, and a byte-at-a-time loop is not vectorised.
     */
    static int nextLf(byte[] bytes, int from) {
        int i = from;
        for (; i + Long.BYTES <= bytes.length; i += Long.BYTES) {
            long x = (long) WORDS.get(bytes, i) ^ LFS;
            // A byte of x is zero where an LF is: the lowest such byte sets the lowest flag.
            long zeros = (x - LOW_BITS) & ~x & HIGH_BITS;
            if (zeros != 0) {
                return i + (Long.numberOfTrailingZeros(zeros) >>> 3);
            }
        }
        for (; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** End of input: a last line without its LF is still a line. */
    public void finish() {
        if (!discarding && pending.size() > 0) {
            deliver(take());
        }
        discarding = false;
    }

    private void append(byte[] bytes, int offset, int length) {
        if (discarding) {
            return;
        }
        // Room for one byte past the maximum, so that a CR ending a full-length line fits.
        int room = maxLength + 1 - pending.size();
        pending.write(bytes, offset, Math.min(length, room));
        if (length > room) {
            discarding = true;
            sink.overlong(take().substring(0, maxLength));
        }
    }

    private void deliver(String line) {
        if (line.length() > maxLength) {
            sink.overlong(line.substring(0, maxLength));
        } else {
            sink.line(line);
        }
    }

    /** The pending bytes without a final CR; empties the buffer. */
    private String take() {
        byte[] bytes = pending.toByteArray();
        pending.reset();
        return line(bytes, 0, bytes.length);
    }

    private static String line(byte[] bytes, int from, int to) {
        int end = to > from && bytes[to - 1] == '\r' ? to - 1 : to;
        return new String(bytes, from, end - from, StandardCharsets.ISO_8859_1);
    }
}
