package herd.core;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A position in ISO 6709 style, latitude then longitude, each with its own sign and no
 * space between ({@code +34.068930-118.445127}), kept with the text the client wrote.
 */
public record Location(BigDecimal latitude, BigDecimal longitude, String text) {

    private static final BigDecimal MAX_LATITUDE = BigDecimal.valueOf(90);
    private static final BigDecimal MAX_LONGITUDE = BigDecimal.valueOf(180);

    public static Optional<Location> parse(String text) {
        int split = signedEnd(text, 0);
        if (split < 0 || signedEnd(text, split) != text.length()) {
            return Optional.empty();
        }
        BigDecimal latitude = new BigDecimal(text.substring(0, split));
        BigDecimal longitude = new BigDecimal(text.substring(split));
        if (latitude.abs().compareTo(MAX_LATITUDE) > 0 || longitude.abs().compareTo(MAX_LONGITUDE) > 0) {
            return Optional.empty();
        }
        return Optional.of(new Location(latitude, longitude, text));
    }

    /** The end of a sign and an unsigned decimal starting at {@code from}, or -1. */
    private static int signedEnd(String text, int from) {
        if (from >= text.length() || (text.charAt(from) != '+' && text.charAt(from) != '-')) {
            return -1;
        }
        return DecimalText.end(text, from + 1);
    }
}
