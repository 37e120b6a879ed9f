package herd.places.offline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Places bucketed in a latitude/longitude grid, so that a search looks only at the cells
 * its circle can reach instead of scanning every place. A place is found when the search
 * circle reaches its extent ({@link Place#extentMetres()}); its distance is to that edge,
 * zero when the centre lies inside it.
 *
 * <p>Places are stored sorted by cell; each non-empty cell is a run of that array, found by
 * binary search on the sorted cell keys.
 */
public final class PlaceIndex {

    static final double EARTH_RADIUS_METRES = 6_371_008.8;
    private static final double CELL_DEGREES = 0.5;
    private static final int LATITUDE_CELLS = (int) (180 / CELL_DEGREES);
    private static final int LONGITUDE_CELLS = (int) (360 / CELL_DEGREES);
    private static final double METRES_PER_DEGREE = Math.PI * EARTH_RADIUS_METRES / 180;

    private final Place[] places;
    private final int[] cellKeys;
    private final int[] cellStarts;
    private final double[] extents;
    private final double widestExtent;

    public PlaceIndex(List<Place> all) {
        places = new Place[all.size()];
        int[] keys = new int[places.length];
        int[] starts = new int[places.length + 1];
        int cells = 0;
        // Each place's cell key computed once, sorted as (key, position) pairs: a comparator that
        // computed keys would run millions of times, slowly, while the JVM is still starting.
        long[] order = new long[places.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = (long) cellKey(all.get(i)) << 32 | i;
        }
        Arrays.sort(order);
        for (int i = 0; i < places.length; i++) {
            int key = (int) (order[i] >>> 32);
            places[i] = all.get((int) order[i]);
            if (cells == 0 || keys[cells - 1] != key) {
                keys[cells] = key;
                starts[cells] = i;
                cells++;
            }
        }
        starts[cells] = places.length;
        cellKeys = Arrays.copyOf(keys, cells);
        cellStarts = Arrays.copyOf(starts, cells + 1);
        extents = new double[places.length];
        double widest = 0;
        for (int i = 0; i < places.length; i++) {
            extents[i] = places[i].extentMetres();
            widest = Math.max(widest, extents[i]);
        }
        widestExtent = widest;
    }

    public int size() {
        return places.length;
    }

    /** The places within {@code radiusMetres} of the centre, nearest first, at most {@code limit}. */
    public List<NearbyPlace> nearby(double latitude, double longitude, double radiusMetres, int limit) {
        List<NearbyPlace> found = new ArrayList<>();
        double latitudeSpan = (radiusMetres + widestExtent) / METRES_PER_DEGREE;
        int firstRow = latitudeRow(Math.max(-90, latitude - latitudeSpan));
        int lastRow = latitudeRow(Math.min(90, latitude + latitudeSpan));
        double widestCos = Math.cos(Math.toRadians(Math.min(90, Math.abs(latitude) + latitudeSpan)));
        double longitudeSpan = widestCos <= 0 ? 180 : latitudeSpan / widestCos;
        boolean allColumns = longitudeSpan >= 180;
        int firstColumn = allColumns ? 0 : longitudeColumn(longitude - longitudeSpan);
        int columns = allColumns ? LONGITUDE_CELLS
                : Math.min(LONGITUDE_CELLS, (int) Math.ceil(2 * longitudeSpan / CELL_DEGREES) + 1);
        for (int row = firstRow; row <= lastRow; row++) {
            for (int c = 0; c < columns; c++) {
                int column = (firstColumn + c) % LONGITUDE_CELLS;
                collect(row * LONGITUDE_CELLS + column, latitude, longitude, radiusMetres, found);
            }
        }
        found.sort(Comparator.comparingDouble(NearbyPlace::distanceMetres).thenComparing(NearbyPlace::centreMetres));
        return found.size() > limit ? List.copyOf(found.subList(0, limit)) : found;
    }

    private void collect(int key, double latitude, double longitude, double radiusMetres, List<NearbyPlace> found) {
        int cell = Arrays.binarySearch(cellKeys, key);
        if (cell < 0) {
            return;
        }
        for (int i = cellStarts[cell]; i < cellStarts[cell + 1]; i++) {
            double centre = distanceMetres(latitude, longitude, places[i].latitude(), places[i].longitude());
            double edge = Math.max(0, centre - extents[i]);
            if (edge <= radiusMetres) {
                found.add(new NearbyPlace(places[i], edge, centre));
            }
        }
    }

    /** Great-circle distance (haversine). */
    static double distanceMetres(double lat1, double lng1, double lat2, double lng2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLng = Math.toRadians(lng2 - lng1);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLng / 2), 2);
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    private static int cellKey(Place place) {
        return latitudeRow(place.latitude()) * LONGITUDE_CELLS + longitudeColumn(place.longitude());
    }

    private static int latitudeRow(double latitude) {
        return Math.min(LATITUDE_CELLS - 1, (int) Math.floor((latitude + 90) / CELL_DEGREES));
    }

    private static int longitudeColumn(double longitude) {
        double wrapped = ((longitude + 180) % 360 + 360) % 360;
        return Math.min(LONGITUDE_CELLS - 1, (int) Math.floor(wrapped / CELL_DEGREES));
    }
}
