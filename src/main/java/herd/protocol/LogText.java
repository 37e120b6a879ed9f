package herd.protocol;

/**
 * Wire bytes made safe for a log line: valid UTF-8 passes through; every control character
 * (C0, DEL, C1), every byte of an invalid UTF-8 sequence and the backslash itself are written
 * as escapes ({@code \x1b}, {@code \\}), so one logged line is one line of the file and shows
 * exactly what was sent: a client cannot hide, fake or recolour what an operator reads.
 */
public final class LogText {

    /** The most bytes one input byte can become ({@code \x9b}, or {@code \\x9b} in JSON). */
    public static final int MAX_EXPANSION = 5;
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private LogText() {
    }

    /** Wire text (one char per byte, see {@link LineFramer}) as escaped Unicode text, for event lines. */
    public static String of(String wireText) {
        byte[] wire = wireText.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] out = new byte[wire.length * MAX_EXPANSION];
        int length = escape(wire, 0, wire.length, out, 0, false);
        return new String(out, 0, length, java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Escapes {@code src[from, from+length)} into {@code dst} at {@code at}, which must have room
     * for {@code length * MAX_EXPANSION} bytes.
     *
     * @param json also escape for the inside of a JSON string: the JSON value reads as the text form
     * @return the index in {@code dst} after the last byte written
     */
    public static int escape(byte[] src, int from, int length, byte[] dst, int at, boolean json) {
        int end = from + length;
        int i = from;
        while (i < end) {
            // Most lines are plain printable ASCII: copied eight bytes at a time.
            for (long word; i + Long.BYTES <= end && plain(word = ByteWords.get(src, i), json); i += Long.BYTES) {
                ByteWords.set(dst, at, word);
                at += Long.BYTES;
            }
            if (i == end) {
                break;
            }
            int b = src[i] & 0xff;
            if (b >= 0x20 && b < 0x7f) {
                if (b == '\\') {
                    at = backslash(dst, backslash(dst, at, json), json);
                } else if (b == '"' && json) {
                    dst[at++] = '\\';
                    dst[at++] = '"';
                } else {
                    dst[at++] = (byte) b;
                }
                i++;
                continue;
            }
            int size = b < 0x80 ? 0 : sequenceLength(src, i, end);
            if (size == 0 || isC1(src, i, size)) {
                at = hex(dst, at, b, json);
                i++;
            } else {
                System.arraycopy(src, i, dst, at, size);
                at += size;
                i += size;
            }
        }
        return at;
    }

    /** Whether all eight bytes stand for themselves: printable ASCII but the backslash (and, in JSON, the quote). */
    private static boolean plain(long word, boolean json) {
        long special = ByteWords.hasBelowOrHigh(word, 0x20) | ByteWords.has(word, 0x7f) | ByteWords.has(word, '\\');
        return (json ? special | ByteWords.has(word, '"') : special) == 0;
    }

    /** The length of the well-formed UTF-8 sequence starting at {@code i}, or 0 if it is not one. */
    private static int sequenceLength(byte[] src, int i, int end) {
        int b = src[i] & 0xff;
        int size;
        int low = 0x80;
        int high = 0xbf;
        if (b >= 0xc2 && b <= 0xdf) {
            size = 2;
        } else if (b >= 0xe0 && b <= 0xef) {
            size = 3;
            if (b == 0xe0) {
                low = 0xa0; // no overlong forms
            } else if (b == 0xed) {
                high = 0x9f; // no surrogates
            }
        } else if (b >= 0xf0 && b <= 0xf4) {
            size = 4;
            if (b == 0xf0) {
                low = 0x90;
            } else if (b == 0xf4) {
                high = 0x8f; // nothing above U+10FFFF
            }
        } else {
            return 0;
        }
        if (i + size > end) {
            return 0;
        }
        int second = src[i + 1] & 0xff;
        if (second < low || second > high) {
            return 0;
        }
        for (int k = 2; k < size; k++) {
            int next = src[i + k] & 0xff;
            if (next < 0x80 || next > 0xbf) {
                return 0;
            }
        }
        return size;
    }

    /** U+0080 to U+009F, controls too (0x9b opens a terminal command sequence). */
    private static boolean isC1(byte[] src, int i, int size) {
        return size == 2 && (src[i] & 0xff) == 0xc2 && (src[i + 1] & 0xff) < 0xa0;
    }

    private static int hex(byte[] dst, int at, int b, boolean json) {
        at = backslash(dst, at, json);
        dst[at++] = 'x';
        dst[at++] = HEX[b >> 4];
        dst[at++] = HEX[b & 0xf];
        return at;
    }

    private static int backslash(byte[] dst, int at, boolean json) {
        if (json) {
            dst[at++] = '\\';
        }
        dst[at++] = '\\';
        return at;
    }
}
