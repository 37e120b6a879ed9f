package herd.protocol;

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
        for (int i = ByteWords.nextLf(bytes, start, bytes.length); i >= 0; i = ByteWords.nextLf(bytes, start, bytes.length)) {
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
