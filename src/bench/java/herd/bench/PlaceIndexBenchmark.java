package herd.bench;

import herd.places.offline.GeoNamesPlaces;
import herd.places.offline.NearbyPlace;
import herd.places.offline.PlaceIndex;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** One offline search of 50 km for 20 places, in the densest regions of the data set. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class PlaceIndexBenchmark {

    @Param({"LosAngeles", "Tokyo", "Ocean"})
    public String centre;

    private PlaceIndex index;
    private double latitude;
    private double longitude;

    @Setup
    public void load() {
        index = GeoNamesPlaces.index();
        switch (centre) {
            case "LosAngeles" -> { latitude = 34.068930; longitude = -118.445127; }
            case "Tokyo" -> { latitude = 35.6895; longitude = 139.69171; }
            default -> { latitude = -30; longitude = -140; }
        }
    }

    @Benchmark
    public List<NearbyPlace> nearby50Km() {
        return index.nearby(latitude, longitude, 50_000, 20);
    }
}
