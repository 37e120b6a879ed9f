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
    public static int end(CharSequence text, int from) {
        int i = digitsEnd(text, from);
        if (i == from) {
            return -1;
        }
        if (i < text.length() && text.charAt(i) == '.') {
            int fraction = digitsEnd(text, i + 1);
            return fraction == i + 1 ? -1 : fraction;
        }
        return i;
    }

    /** Whether the whole text is one unsigned decimal. */
    public static boolean isDecimal(CharSequence text) {
        return end(text, 0) == text.length();
    }

    static int digitsEnd(CharSequence text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    /**
     * Compares two unsigned decimals by value, exactly, without parsing them: {@code 7} and
     * {@code 007.000} are equal, {@code 1.00000000000000000001} is greater than {@code 1}.
     */
    public static int compare(CharSequence a, CharSequence b) {
        int aPoint = digitsEnd(a, 0);
        int bPoint = digitsEnd(b, 0);
        int aStart = significantStart(a, aPoint);
        int bStart = significantStart(b, bPoint);
        if (aPoint - aStart != bPoint - bStart) {
            return Integer.compare(aPoint - aStart, bPoint - bStart);
        }
        for (int i = 0; i < aPoint - aStart; i++) {
            int order = Character.compare(a.charAt(aStart + i), b.charAt(bStart + i));
            if (order != 0) {
                return order;
            }
        }
        int aDigits = Math.max(0, a.length() - aPoint - 1);
        int bDigits = Math.max(0, b.length() - bPoint - 1);
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
    private static int significantStart(CharSequence text, int point) {
        int i = 0;
        while (i < point && text.charAt(i) == '0') {
            i++;
        }
        return i;
    }
}
