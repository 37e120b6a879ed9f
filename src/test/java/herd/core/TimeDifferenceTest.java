package herd.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import herd.testing.DecimalTexts;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TimeDifferenceTest {

    @ParameterizedTest
    @CsvSource({
        "1621464828, 223371889, 1621464827.959498503, +0.263873386",
        "1621464825, 959498503, 1621464827.959498503, -2.000000000",
        "1621464827, 959498503, 1621464827.959498503, +0.000000000",
        "1621464827, 959498503, 1621464827.9594985034, +0.000000000",
        "1621464827, 959498503, 1621464827.9594985026, +0.000000000",
        "1621464827, 0, 1621464827.0000000004, +0.000000000",
        "1621464827, 0, 1621464827.0000000016, -0.000000002",
        "1621464827, 0, 1, +1621464826.000000000",
        "1, 0, 1621464827, -1621464826.000000000",
        "1, 0, 0001621464827.5, -1621464826.500000000",
        "1, 0, 8999999999.999999999, -8999999998.999999999",
        "1, 0, 9000000000, -8999999999.000000000",
        "9000000000, 0, 8999999999.5, +0.500000000",
    })
    void isReceiveTimeMinusClientTimeWithNineSignedDecimals(long seconds, int nanos, String clientTime, String expected) {
        Instant received = Instant.ofEpochSecond(seconds, nanos);
        assertEquals(expected, TimeDifference.between(received, ClientTime.parse(clientTime).orElseThrow()));
    }

    @Provide
    Arbitrary<String> times() {
        return DecimalTexts.unsigned(12, 12);
    }

    @Property
    void isTheExactDifferenceRoundedHalfEven(@ForAll @LongRange(max = 20_000_000_000L) long seconds,
                                             @ForAll @IntRange(max = 999_999_999) int nanos,
                                             @ForAll("times") String clientTime) {
        BigDecimal exact = BigDecimal.valueOf(seconds).add(BigDecimal.valueOf(nanos, 9))
                .subtract(new BigDecimal(clientTime)).setScale(9, RoundingMode.HALF_EVEN);
        String expected = (exact.signum() < 0 ? "" : "+") + exact.toPlainString();
        assertEquals(expected, TimeDifference.between(Instant.ofEpochSecond(seconds, nanos),
                ClientTime.parse(clientTime).orElseThrow()));
    }

    @Test
    void recognisesItsOwnForm() {
        assertTrue(TimeDifference.isWellFormed("+0.263873386"));
        assertTrue(TimeDifference.isWellFormed("-1621464826.000000000"));
        assertFalse(TimeDifference.isWellFormed("+0.26"));
        assertFalse(TimeDifference.isWellFormed("0.263873386"));
        assertFalse(TimeDifference.isWellFormed("+0.2638733860"));
    }
}
