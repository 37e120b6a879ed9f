package herd.core;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A position in ISO 6709 style, latitude then longitude, each with its own sign and no
 * space between ({@code +34.068930-118.445127}), kept with the text the client wrote.
 */
public record Location(BigDecimal latitude, BigDecimal longitude, String text) {

    private static final Pattern FORM =
            Pattern.compile("([+-][0-9]+(?:\\.[0-9]+)?)([+-][0-9]+(?:\\.[0-9]+)?)");
    private static final BigDecimal MAX_LATITUDE = BigDecimal.valueOf(90);
    private static final BigDecimal MAX_LONGITUDE = BigDecimal.valueOf(180);

    public static Optional<Location> parse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        BigDecimal latitude = new BigDecimal(m.group(1));
        BigDecimal longitude = new BigDecimal(m.group(2));
        if (latitude.abs().compareTo(MAX_LATITUDE) > 0 || longitude.abs().compareTo(MAX_LONGITUDE) > 0) {
            return Optional.empty();
        }
        return Optional.of(new Location(latitude, longitude, text));
    }
}
