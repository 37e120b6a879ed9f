package herd.core;

/**
 * Scans the protocol's plain decimals ({@code 123}, {@code 123.456}) by hand: every update
 * is parsed at every member, and a regular expression per field costs more than the rest of
 * the work together.
 */
public final class DecimalText {

    private DecimalText() {
    }

    /**
     * The end of the unsigned decimal starting at {@code from}: one or more digits, then
     * optionally a point and one or more digits; -1 if there is none there.
     */
    public static int end(String text, int from) {
        int i = digitsEnd(text, from, text.length());
        if (i == from) {
            return -1;
        }
        if (i < text.length() && text.charAt(i) == '.') {
            int fraction = digitsEnd(text, i + 1, text.length());
            return fraction == i + 1 ? -1 : fraction;
        }
        return i;
    }

    /** Whether the whole text is one unsigned decimal. */
    public static boolean isDecimal(String text) {
        return end(text, 0) == text.length();
    }

    static int digitsEnd(String text, int from, int to) {
        int i = from;
        while (i < to && isDigit(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * The unsigned decimal starting at {@code from} in whole microseconds, truncated; at most
     * {@code Long.MAX_VALUE / 10}: for measuring delays, where exactness does not matter and
     * parsing a 19-digit time as a double is slow.
     */
    public static long micros(String text, int from) {
        long micros = 0;
        int i = from;
        for (; i < text.length() && isDigit(text.charAt(i)); i++) {
            micros = Math.min(micros * 10 + (text.charAt(i) - '0'), Long.MAX_VALUE / 10_000_000);
        }
        micros *= 1_000_000;
        if (i < text.length() && text.charAt(i) == '.') {
            long unit = 100_000;
            for (i++; i < text.length() && isDigit(text.charAt(i)) && unit > 0; i++, unit /= 10) {
                micros += (text.charAt(i) - '0') * unit;
            }
        }
        return micros;
    }

    /**
     * Compares two unsigned decimals by value, exactly, without parsing them: {@code 7} and
     * {@code 007.000} are equal, {@code 1.00000000000000000001} is greater than {@code 1}.
     */
    public static int compare(String a, String b) {
        return compare(a, 0, a.length(), b, 0, b.length());
    }

    /** {@link #compare(String, String)} of the decimals {@code a[aFrom, aTo)} and {@code b[bFrom, bTo)}. */
    public static int compare(String a, int aFrom, int aTo, String b, int bFrom, int bTo) {
        int aPoint = digitsEnd(a, aFrom, aTo);
        int bPoint = digitsEnd(b, bFrom, bTo);
        int aStart = significantStart(a, aFrom, aPoint);
        int bStart = significantStart(b, bFrom, bPoint);
        if (aPoint - aStart != bPoint - bStart) {
            return Integer.compare(aPoint - aStart, bPoint - bStart);
        }
        for (int i = 0; i < aPoint - aStart; i++) {
            int order = Character.compare(a.charAt(aStart + i), b.charAt(bStart + i));
            if (order != 0) {
                return order;
            }
        }
        int aDigits = Math.max(0, aTo - aPoint - 1);
        int bDigits = Math.max(0, bTo - bPoint - 1);
        for (int i = 0; i < Math.max(aDigits, bDigits); i++) {
            char x = i < aDigits ? a.charAt(aPoint + 1 + i) : '0';
            char y = i < bDigits ? b.charAt(bPoint + 1 + i) : '0';
            if (x != y) {
                return Character.compare(x, y);
            }
        }
        return 0;
    }

    /** Where the integer part's digits start once its leading zeros are skipped. */
    private static int significantStart(String text, int from, int point) {
        int i = from;
        while (i < point && text.charAt(i) == '0') {
            i++;
        }
        return i;
    }
}
