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
}
