package herd.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/** The AT line's time difference: receive time minus client time, signed, nine decimals. */
public final class TimeDifference {

    private static final int DIGITS = 9;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    /** Times below this many seconds (the year 2255) are exact in nanoseconds, and so are their differences. */
    private static final long MAX_SECONDS = 9_000_000_000L;
    private static final String ZEROS = "000000000";

    private TimeDifference() {
    }

    public static String between(Instant received, ClientTime sent) {
        long sentNanos = nanos(sent.text());
        if (sentNanos < 0 || received.getEpochSecond() >= MAX_SECONDS) {
            return exactly(received, sent);
        }
        long difference = received.getEpochSecond() * NANOS_PER_SECOND + received.getNano() - sentNanos;
        long magnitude = Math.abs(difference);
        String fraction = Long.toString(magnitude % NANOS_PER_SECOND);
        return new StringBuilder(24).append(difference < 0 ? '-' : '+').append(magnitude / NANOS_PER_SECOND)
                .append('.').append(ZEROS, 0, DIGITS - fraction.length()).append(fraction).toString();
    }

    /** Any times, with BigDecimal: for client times with more than nine decimals (rounded half-even) or far off. */
    private static String exactly(Instant received, ClientTime sent) {
        BigDecimal receivedSeconds = BigDecimal.valueOf(received.getEpochSecond())
                .add(BigDecimal.valueOf(received.getNano(), DIGITS));
        BigDecimal difference = receivedSeconds.subtract(sent.value()).setScale(DIGITS, RoundingMode.HALF_EVEN);
        // A difference that rounds to zero is written +0.000000000, never -0.000000000.
        return (difference.signum() < 0 ? "" : "+") + difference.toPlainString();
    }

    /**
     * A client time in whole nanoseconds when that is exact and fits a long with room to
     * subtract (at most nine decimals, under {@link #MAX_SECONDS}), as nearly every client's
     * time is; else -1. Every IAMAT needs a difference, and BigDecimal made it a tenth of the
     * accepting member's work.
     */
    private static long nanos(String time) {
        int point = DecimalText.digitsEnd(time, 0, time.length());
        int decimals = point < time.length() ? time.length() - point - 1 : 0;
        if (decimals > DIGITS) {
            return -1;
        }
        long seconds = 0;
        for (int i = 0; i < point; i++) {
            seconds = seconds * 10 + (time.charAt(i) - '0');
            if (seconds >= MAX_SECONDS) {
                return -1;
            }
        }
        long fraction = 0;
        for (int i = point + 1; i < time.length(); i++) {
            fraction = fraction * 10 + (time.charAt(i) - '0');
        }
        for (int i = decimals; i < DIGITS; i++) {
            fraction *= 10;
        }
        return seconds * NANOS_PER_SECOND + fraction;
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
