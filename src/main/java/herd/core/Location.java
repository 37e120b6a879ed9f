package herd.core;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A position in ISO 6709 style, latitude then longitude, each with its own sign and no
 * space between ({@code +34.068930-118.445127}), kept as the text the client wrote; the
 * coordinates are parsed only when a places search needs them.
 *
 * @param split where the longitude's sign is
 */
public record Location(String text, int split) {

    public static Optional<Location> parse(String text) {
        int split = signedEnd(text, 0);
        if (split < 0 || signedEnd(text, split) != text.length()
                || DecimalText.compare(text, 1, split, "90", 0, 2) > 0
                || DecimalText.compare(text, split + 1, text.length(), "180", 0, 3) > 0) {
            return Optional.empty();
        }
        return Optional.of(new Location(text, split));
    }

    public BigDecimal latitude() {
        return new BigDecimal(text.substring(0, split));
    }

    public BigDecimal longitude() {
        return new BigDecimal(text.substring(split));
    }

    /** The end of a sign and an unsigned decimal starting at {@code from}, or -1. */
    private static int signedEnd(String text, int from) {
        if (from >= text.length() || (text.charAt(from) != '+' && text.charAt(from) != '-')) {
            return -1;
        }
        return DecimalText.end(text, from + 1);
    }
}
