package herd.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClientTimeTest {

    @ParameterizedTest
    @ValueSource(strings = {"1621464827.959498503", "1621464827", "0", "0.0000000000000000000000000001"})
    void acceptsPosixSecondsWithAnyFraction(String text) {
        assertEquals(text, ClientTime.parse(text).orElseThrow().text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e9", "1E9", "inf", "nan", "Infinity", "0x10", "+1", "-1", "1.", ".5", "", " 1", "1 ", "1,5", "١"})
    void rejectsAnythingElse(String text) {
        assertTrue(ClientTime.parse(text).isEmpty(), text);
    }

    @Test
    void comparesExactlyToTheLastDecimal() {
        ClientTime earlier = ClientTime.parse("1621464827.9594985030000000001").orElseThrow();
        ClientTime later = ClientTime.parse("1621464827.9594985030000000002").orElseThrow();
        assertTrue(earlier.compareTo(later) < 0);
        assertTrue(later.compareTo(earlier) > 0);
    }

    @ParameterizedTest
    @CsvSource({
        "7, 007.000, 0", "1.00000000000000000001, 1, 1", "9, 10, -1", "123.45, 123.4500001, -1",
        "1621464827.959498503, 1621464827.959498502, 1", "0, 0.0, 0", "100, 99.999999999999, 1"})
    void comparesTextsByExactValue(String a, String b, int expected) {
        assertEquals(expected, Integer.signum(DecimalText.compare(a, b)), a + " vs " + b);
        assertEquals(-expected, Integer.signum(DecimalText.compare(b, a)), b + " vs " + a);
        assertEquals(Integer.signum(new BigDecimal(a).compareTo(new BigDecimal(b))), expected);
    }

    @Test
    void equalValuesWithDifferentTextsCompareEqual() {
        ClientTime short_ = ClientTime.parse("1.5").orElseThrow();
        ClientTime long_ = ClientTime.parse("1.50").orElseThrow();
        assertEquals(0, short_.compareTo(long_));
        assertEquals("1.50", long_.text());
    }
}
