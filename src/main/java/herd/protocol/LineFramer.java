package herd.protocol;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Cuts a byte stream into lines ending with LF (a CR before the LF is dropped), never
 * buffering more than the maximum line length.
 *
 * <p>Lines are handed on as ISO-8859-1 strings: one char per byte, so client IDs in any
 * encoding, or in none, are echoed byte for byte when written back the same way.
 *
 * <p>The bytes of a line cut by a chunk's end are held only until its LF arrives: an idle
 * connection holds no buffer, however long its last line was.
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
    /** The start of a line whose LF has not arrived yet; null when there is none. */
    private byte[] pending;
    private int pendingLength;
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
        feed(bytes, 0, Integer.MAX_VALUE);
    }

    /**
     * Feeds {@code bytes} from {@code from}, stopping after {@code maxLines} line ends.
     *
     * @return where it stopped: {@code bytes.length} once all of them are taken, else the
     *         first byte after the last line end it took, from which to feed the rest later
     */
    public int feed(byte[] bytes, int from, int maxLines) {
        int start = from;
        int lines = 0;
        for (int i = nextLf(bytes, start); i >= 0; i = nextLf(bytes, start)) {
            if (pendingLength == 0 && !discarding) {
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
            if (++lines == maxLines && start < bytes.length) {
                return start;
            }
        }
        append(bytes, start, bytes.length - start);
        return bytes.length;
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
        if (!discarding && pendingLength > 0) {
            deliver(take());
        }
        discarding = false;
    }

    private void append(byte[] bytes, int offset, int length) {
        if (discarding || length == 0) {
            return;
        }
        // Room for one byte past the maximum, so that a CR ending a full-length line fits.
        int room = maxLength + 1 - pendingLength;
        int kept = Math.min(length, room);
        if (pending == null) {
            pending = new byte[kept];
        } else if (pending.length < pendingLength + kept) {
            pending = Arrays.copyOf(pending, Math.min(maxLength + 1, Math.max(pendingLength + kept, 2 * pending.length)));
        }
        System.arraycopy(bytes, offset, pending, pendingLength, kept);
        pendingLength += kept;
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

    /** The pending bytes without a final CR; lets the buffer go. */
    private String take() {
        String line = line(pending, 0, pendingLength);
        pending = null;
        pendingLength = 0;
        return line;
    }

    private static String line(byte[] bytes, int from, int to) {
        int end = to > from && bytes[to - 1] == '\r' ? to - 1 : to;
        return new String(bytes, from, end - from, StandardCharsets.ISO_8859_1);
    }
}
