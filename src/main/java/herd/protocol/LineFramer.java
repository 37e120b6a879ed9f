package herd.protocol;

import java.io.ByteArrayOutputStream;
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

    private final int maxLength;
    private final Sink sink;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private boolean discarding;

    public LineFramer(int maxLength, Sink sink) {
        this.maxLength = maxLength;
        this.sink = sink;
    }

    public void feed(byte[] bytes) {
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
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
        }
        append(bytes, start, bytes.length - start);
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
