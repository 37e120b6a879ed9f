package herd.places.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The index over the real shipped data set. */
class PlaceIndexTest {

    private static final PlaceIndex INDEX = GeoNamesPlaces.index();

    @Test
    void theWholeDataSetIsLoaded() {
        assertTrue(INDEX.size() > 130_000, "only " + INDEX.size() + " places");
    }

    @Test
    void aClientAtUclaIsInLosAngelesNearBeverlyHillsSantaMonicaAndCulverCity() {
        List<String> names = names(INDEX.nearby(34.068930, -118.445127, 10_000, 20));
        List<String> expected = List.of("Los Angeles", "Beverly Hills", "Santa Monica", "Culver City");
        List<String> inOrder = names.stream().filter(expected::contains).toList();
        assertEquals(expected, inOrder, names.toString());
    }

    @Test
    void resultsAreWithinTheRadiusNearestFirstAndCutToTheLimit() {
        List<NearbyPlace> found = INDEX.nearby(35.6895, 139.69171, 50_000, 20);
        assertEquals(20, found.size());
        for (int i = 0; i < found.size(); i++) {
            assertTrue(found.get(i).distanceMetres() <= 50_000);
            if (i > 0) {
                assertTrue(found.get(i - 1).distanceMetres() <= found.get(i).distanceMetres());
            }
        }
        assertEquals(3, INDEX.nearby(35.6895, 139.69171, 50_000, 3).size());
    }

    @Test
    void theMiddleOfTheOceanHasNothing() {
        assertTrue(INDEX.nearby(-30.0, -140.0, 50_000, 20).isEmpty());
    }

    /** The grid must find exactly what a scan of every place finds, anywhere on Earth. */
    @Test
    void findsTheSameAsAFullScan() {
        List<Place> all = GeoNamesPlaces.read();
        Random random = new Random(7);
        List<double[]> centres = new ArrayList<>(List.of(
                new double[] {89.9, 0}, new double[] {-89.9, 10}, new double[] {0, 179.9}, new double[] {64.8, -179.95},
                new double[] {51.5, -0.1}, new double[] {-36.8, 174.7}));
        for (int i = 0; i < 40; i++) {
            Place near = all.get(random.nextInt(all.size()));
            centres.add(new double[] {near.latitude() + random.nextGaussian() * 0.2, near.longitude() + random.nextGaussian() * 0.2});
        }
        for (double[] c : centres) {
            double latitude = Math.max(-90, Math.min(90, c[0]));
            double longitude = c[1] > 180 ? c[1] - 360 : c[1] < -180 ? c[1] + 360 : c[1];
            double radius = 1000 + random.nextDouble() * 49_000;
            List<Long> expected = all.stream()
                    .map(p -> new NearbyPlace(p, Math.max(0, PlaceIndex.distanceMetres(latitude, longitude, p.latitude(),
                            p.longitude()) - p.extentMetres()), 0))
                    .filter(n -> n.distanceMetres() <= radius)
                    .map(n -> n.place().geonamesId())
                    .sorted()
                    .toList();
            List<Long> indexed = INDEX.nearby(latitude, longitude, radius, Integer.MAX_VALUE).stream()
                    .map(n -> n.place().geonamesId()).sorted(Comparator.naturalOrder()).toList();
            assertEquals(expected, indexed, "around " + latitude + "," + longitude + " within " + radius);
        }
    }

    private static List<String> names(List<NearbyPlace> found) {
        return found.stream().map(n -> n.place().name()).toList();
    }
}
