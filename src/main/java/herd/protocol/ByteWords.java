package herd.protocol;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Byte scans eight bytes per step, on a {@code long} read from the array: finding line ends and
 * the runs of bytes a log line copies as they are were most of framing and log formatting, and
 * a byte-at-a-time loop is not vectorised. Words are little-endian, so the lowest flag of a
 * test belongs to the first byte that matched.
 */
public final class ByteWords {

    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LOW_BITS = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long LFS = '\n' * LOW_BITS;

    private ByteWords() {
    }

    /** The eight bytes from {@code at} (which may be unaligned). */
    public static long get(byte[] bytes, int at) {
        return (long) WORDS.get(bytes, at);
    }

    public static void set(byte[] bytes, int at, long word) {
        WORDS.set(bytes, at, word);
    }

    /** Where the first LF in {@code bytes[from, end)} is, or -1. */
    public static int nextLf(byte[] bytes, int from, int end) {
        int i = from;
        for (; i + Long.BYTES <= end; i += Long.BYTES) {
            long zeros = zeroBytes(get(bytes, i) ^ LFS);
            if (zeros != 0) {
                return i + (Long.numberOfTrailingZeros(zeros) >>> 3);
            }
        }
        for (; i < end; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Non-zero if a byte of {@code word} is {@code b}. */
    public static long has(long word, int b) {
        return zeroBytes(word ^ (b * LOW_BITS));
    }

    /** Non-zero if a byte of {@code word} is below {@code limit} (at most 0x80) or has its high bit set. */
    public static long hasBelowOrHigh(long word, int limit) {
        return ((word - limit * LOW_BITS) | word) & HIGH_BITS;
    }

    /** The high bit of each zero byte, exact up to the first one (a borrow may flag bytes after it). */
    private static long zeroBytes(long word) {
        return (word - LOW_BITS) & ~word & HIGH_BITS;
    }
}
