package herd.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DecimalTextTest {

    @Test
    void microsTruncatesToWholeMicroseconds() {
        assertEquals(1_621_464_827_959_498L, DecimalText.micros("1621464827.959498503", 0));
        assertEquals(500_000L, DecimalText.micros("0.5", 0));
        assertEquals(12_000_000L, DecimalText.micros("12", 0));
        assertEquals(1_500L, DecimalText.micros("+0.001500000", 1));
    }

    @Test
    void microsOfAnAbsurdTimeSaturatesInsteadOfOverflowing() {
        assertEquals(Long.MAX_VALUE / 10_000_000 * 1_000_000 + 900_000,
                DecimalText.micros("99999999999999999999999999.9", 0));
    }

    @Test
    void rangesCompareLikeTheirSubstrings() {
        assertEquals(0, DecimalText.compare("x007.50y", 1, 7, "7.5", 0, 3));
        assertEquals(1, Integer.signum(DecimalText.compare("+90.000001", 1, 10, "90", 0, 2)));
    }
}
