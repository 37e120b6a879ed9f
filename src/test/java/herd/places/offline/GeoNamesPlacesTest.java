package herd.places.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class GeoNamesPlacesTest {

    @Test
    void everyShippedPlaceReadsAsItsTextSays() throws IOException {
        List<Place> read = GeoNamesPlaces.read();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                GeoNamesPlaces.class.getResourceAsStream(GeoNamesPlaces.RESOURCE)), StandardCharsets.UTF_8))) {
            List<Place> expected = lines.lines().map(GeoNamesPlacesTest::place).toList();
            assertEquals(135_233, expected.size());
            assertEquals(expected, read);
        }
    }

    @Test
    void negativeCoordinatesAndNamesBeyondAscii() {
        byte[] data = "1\tSão Tomé\t-0.33654\t6.72732\tST\tÁgua Grande\t71868\tPPLC\n2\tX\t-12\t-0.5\tAQ\t\t0\tPPL\n"
                .getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of(new Place(1, "São Tomé", -0.33654, 6.72732, "ST", "Água Grande", 71868, "PPLC"),
                        new Place(2, "X", -12, -0.5, "AQ", "", 0, "PPL")),
                GeoNamesPlaces.parse(data));
    }

    @Test
    void aBrokenNumberIsReportedNotMisread() {
        byte[] data = "1\tA\t4x.5\t6\tST\t\t7\tPPL\n".getBytes(StandardCharsets.UTF_8);
        assertThrows(IllegalStateException.class, () -> GeoNamesPlaces.parse(data));
    }

    private static Place place(String line) {
        String[] f = line.split("\t", -1);
        return new Place(Long.parseLong(f[0]), f[1], Double.parseDouble(f[2]), Double.parseDouble(f[3]), f[4], f[5],
                Integer.parseInt(f[6]), f[7]);
    }
}
