package herd.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
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
    })
    void isReceiveTimeMinusClientTimeWithNineSignedDecimals(long seconds, int nanos, String clientTime, String expected) {
        Instant received = Instant.ofEpochSecond(seconds, nanos);
        assertEquals(expected, TimeDifference.between(received, ClientTime.parse(clientTime).orElseThrow()));
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
