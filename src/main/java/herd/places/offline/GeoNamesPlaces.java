package herd.places.offline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
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
 */
public final class GeoNamesPlaces {

    static final String RESOURCE = "/herd/places/cities1000.tsv.gz";

    private GeoNamesPlaces() {
    }

    /** The index of every place; the first call reads the data set (blocking, under a second). */
    public static PlaceIndex index() {
        return Holder.INDEX;
    }

    private static final class Holder {
        static final PlaceIndex INDEX = new PlaceIndex(read());
    }

    static List<Place> read() {
        try (InputStream raw = GeoNamesPlaces.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                throw new IllegalStateException("the offline places data " + RESOURCE + " is missing from the jar");
            }
            BufferedReader lines = new BufferedReader(
                    new InputStreamReader(new GZIPInputStream(raw, 1 << 16), StandardCharsets.UTF_8));
            List<Place> places = new ArrayList<>(140_000);
            // Countries, admin areas and feature codes repeat: share one string for each.
            Map<String, String> shared = new HashMap<>();
            String line;
            while ((line = lines.readLine()) != null) {
                String[] f = line.split("\t", -1);
                places.add(new Place(Long.parseLong(f[0]), f[1], Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                        shared.computeIfAbsent(f[4], k -> k), shared.computeIfAbsent(f[5], k -> k),
                        Integer.parseInt(f[6]), shared.computeIfAbsent(f[7], k -> k)));
            }
            return places;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the offline places data " + RESOURCE, e);
        }
    }
}
