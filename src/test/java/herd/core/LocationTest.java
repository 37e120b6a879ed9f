package herd.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocationTest {

    @ParameterizedTest
    @ValueSource(strings = {"+34.068930-118.445127", "-33.86+151.2", "+0-0", "+90+180", "-90-180", "+00.5-000.25"})
    void acceptsIso6709PairsInRange(String text) {
        assertEquals(text, Location.parse(text).orElseThrow().text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"+90.0000001+0", "+0+180.1", "-91-0", "34.0-118", "+34.0", "+34.0 -118.0", "++1+1",
        "+1+1x", "+a+b", "+1.+1", "+.5+1", "", "+1+1+1", "+1e2+1"})
    void rejectsMalformedOrOutOfRange(String text) {
        assertTrue(Location.parse(text).isEmpty(), text);
    }

    @Test
    void keepsExactCoordinates() {
        Location location = Location.parse("+34.068930-118.445127").orElseThrow();
        assertEquals(new BigDecimal("34.068930"), location.latitude());
        assertEquals(new BigDecimal("-118.445127"), location.longitude());
    }
}
