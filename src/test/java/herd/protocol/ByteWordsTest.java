package herd.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ByteWordsTest {

    @Test
    void findsTheFirstLfAtEveryOffsetWhateverTheOtherBytes() {
        for (int other = 0; other < 256; other++) {
            if (other == '\n') {
                continue;
            }
            for (int length = 0; length < 20; length++) {
                byte[] bytes = new byte[length];
                Arrays.fill(bytes, (byte) other);
                assertEquals(-1, ByteWords.nextLf(bytes, 0, length), "no LF among bytes " + other);
                for (int lf = 0; lf < length; lf++) {
                    byte[] withLf = bytes.clone();
                    withLf[lf] = '\n';
                    if (lf + 1 < length) {
                        withLf[length - 1] = '\n';
                    }
                    for (int from = 0; from <= lf; from++) {
                        assertEquals(lf, ByteWords.nextLf(withLf, from, length), "bytes " + other + ", LF at " + lf + " of " + length);
                    }
                    assertEquals(-1, ByteWords.nextLf(withLf, 0, lf), "an LF at the end is outside the range");
                }
            }
        }
    }

    @Test
    void findsEachByteValueAndEveryValueBelowALimitInAnyPosition() {
        for (int value = 0; value < 256; value++) {
            for (int position = 0; position < Long.BYTES; position++) {
                long word = 0x4141414141414141L & ~(0xffL << (8 * position)) | ((long) value << (8 * position));
                assertEquals(value == 0x7f, ByteWords.has(word, 0x7f) != 0, "0x7f sought, " + value + " at " + position);
                assertEquals(true, ByteWords.has(word, value) != 0, "value " + value + " at " + position);
                assertEquals(value < 0x20 || value >= 0x80, ByteWords.hasBelowOrHigh(word, 0x20) != 0,
                        "below 0x20 or high: " + value + " at " + position);
            }
        }
        assertEquals(0, ByteWords.has(0x4141414141414141L, 0x42));
        assertEquals(0, ByteWords.hasBelowOrHigh(0x7e7e20207e7e2020L, 0x20));
    }
}
