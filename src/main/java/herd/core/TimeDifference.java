package herd.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/** The AT line's time difference: receive time minus client time, signed, nine decimals. */
public final class TimeDifference {

    private static final int DIGITS = 9;

    private TimeDifference() {
    }

    public static String between(Instant received, ClientTime sent) {
        BigDecimal receivedSeconds = BigDecimal.valueOf(received.getEpochSecond())
                .add(BigDecimal.valueOf(received.getNano(), DIGITS));
        BigDecimal difference = receivedSeconds.subtract(sent.value()).setScale(DIGITS, RoundingMode.HALF_EVEN);
        // A difference that rounds to zero is written +0.000000000, never -0.000000000.
        return (difference.signum() < 0 ? "" : "+") + difference.toPlainString();
    }

    /** Whether a time difference text has the form this class writes, as a peer must send it. */
    public static boolean isWellFormed(String text) {
        if (text.length() < 12 || (text.charAt(0) != '+' && text.charAt(0) != '-')) {
            return false;
        }
        int point = text.length() - DIGITS - 1;
        return text.charAt(point) == '.' && DecimalText.end(text, 1) == text.length()
                && DecimalText.digitsEnd(text, 1, text.length()) == point;
    }
}
