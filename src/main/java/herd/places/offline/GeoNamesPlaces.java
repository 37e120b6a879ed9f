package herd.places.offline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The GeoNames "cities with a population of at least 1000" data set shipped in the jar
 * (derived by {@code src/data/derive-offline-places.py}), loaded once per process.
 *
 * <p>Read as bytes, field by field, rather than line by line as strings: the data set is read
 * while the JVM is still starting, mostly interpreted, and each string, split and parsed number
 * costs there. Coordinates have at most five decimals; an integer divided by a power of ten gives
 * exactly the double that {@link Double#parseDouble} would.
 */
public final class GeoNamesPlaces {

    static final String RESOURCE = "/herd/places/cities1000.tsv.gz";
    private static final double[] POWERS_OF_TEN = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
        1e13, 1e14, 1e15};

    private GeoNamesPlaces() {
    }

    /** The index of every place; the first call reads the data set (blocking, a fraction of a second). */
    public static PlaceIndex index() {
        return Holder.INDEX;
    }

    private static final class Holder {
        static final PlaceIndex INDEX = new PlaceIndex(read());
    }

    static List<Place> read() {
        byte[] data;
        try (InputStream raw = GeoNamesPlaces.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                throw new IllegalStateException("the offline places data " + RESOURCE + " is missing from the jar");
            }
            data = new GZIPInputStream(raw, 1 << 16).readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the offline places data " + RESOURCE, e);
        }
        return parse(data);
    }

    /** Lines of id, name, latitude, longitude, country, admin area, population, feature code, tab-separated. */
    static List<Place> parse(byte[] data) {
        List<Place> places = new ArrayList<>(140_000);
        // Countries, admin areas and feature codes repeat: share one string for each.
        Map<String, String> shared = new HashMap<>();
        Fields fields = new Fields(data);
        while (fields.hasMore()) {
            places.add(new Place(fields.integer(), fields.text(), fields.decimal(), fields.decimal(),
                    shared.computeIfAbsent(fields.text(), k -> k), shared.computeIfAbsent(fields.text(), k -> k),
                    (int) fields.integer(), shared.computeIfAbsent(fields.text(), k -> k)));
        }
        return places;
    }

    /** A cursor over the fields of the data set, each ended by a tab or a newline. */
    private static final class Fields {
        private final byte[] data;
        private int at;

        Fields(byte[] data) {
            this.data = data;
        }

        boolean hasMore() {
            return at < data.length;
        }

        private int end() {
            int end = at;
            while (end < data.length && data[end] != '\t' && data[end] != '\n') {
                end++;
            }
            return end;
        }

        String text() {
            int end = end();
            String text = new String(data, at, end - at, StandardCharsets.UTF_8);
            at = end + 1;
            return text;
        }

        long integer() {
            int end = end();
            long value = 0;
            for (int i = at; i < end; i++) {
                value = value * 10 + digit(data[i]);
            }
            at = end + 1;
            return value;
        }

        double decimal() {
            int end = end();
            boolean negative = data[at] == '-';
            long digits = 0;
            int decimals = -1;
            for (int i = negative ? at + 1 : at; i < end; i++) {
                if (data[i] == '.' && decimals < 0) {
                    decimals = 0;
                    continue;
                }
                digits = digits * 10 + digit(data[i]);
                decimals += decimals >= 0 ? 1 : 0;
            }
            if (decimals >= POWERS_OF_TEN.length || end - at > 18) {
                throw new IllegalStateException("the offline places data " + RESOURCE + " has a coordinate "
                        + new String(data, at, end - at, StandardCharsets.UTF_8) + " of too many digits");
            }
            double value = digits / POWERS_OF_TEN[Math.max(0, decimals)];
            at = end + 1;
            return negative ? -value : value;
        }

        private int digit(byte b) {
            if (b < '0' || b > '9') {
                throw new IllegalStateException("the offline places data " + RESOURCE + " has a non-digit '"
                        + (char) b + "' in a number at byte " + at);
            }
            return b - '0';
        }
    }
}
