package herd.bench;

import herd.places.offline.GeoNamesPlaces;
import herd.places.offline.PlaceIndex;

/**
 * What the offline data set costs at start: the time to load and index it, and the heap it
 * keeps (after a full GC, before and after). Run several times; JVM start-up varies.
 */
public final class PlacesFootprint {

    private PlacesFootprint() {
    }

    public static void main(String[] args) {
        long before = usedHeapAfterGc();
        long started = System.nanoTime();
        PlaceIndex index = GeoNamesPlaces.index();
        long loadMs = (System.nanoTime() - started) / 1_000_000;
        long after = usedHeapAfterGc();
        System.out.printf("places: %d, load and index: %d ms, retained heap: %.1f MB%n",
                index.size(), loadMs, (after - before) / 1e6);
    }

    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
