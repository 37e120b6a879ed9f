package herd.places.offline;

import herd.places.PlacesProvider;
import herd.places.PlacesQuery;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;

/**
 * Places from the embedded GeoNames data set, answered like Google's legacy Nearby Search:
 * nearest first, within the radius, with GeoNames' attribution.
 */
public final class OfflinePlacesProvider implements PlacesProvider {

    static final String ATTRIBUTION =
            "Place data from <a href=\"https://www.geonames.org/\">GeoNames</a>, licensed under CC BY 4.0";

    private final Vertx vertx;
    private final Logger log;
    /** The data set, loading or loaded; null until {@link #prepare} or the first query (both on the member's event loop). */
    private Future<PlaceIndex> index;

    public OfflinePlacesProvider(Vertx vertx, Logger log) {
        this.vertx = vertx;
        this.log = log;
    }

    /**
     * Starts loading the data set off the event loop, once: a member calls it when it listens, so
     * that the load (a fifth of a second of a core) never delays the start; a query made before it
     * has loaded waits for it.
     */
    @Override
    public void prepare() {
        if (index == null) {
            index = vertx.executeBlocking(GeoNamesPlaces::index, false);
        }
    }

    @Override
    public Future<JsonObject> nearby(PlacesQuery query) {
        prepare();
        return index.map(places -> {
            long started = System.nanoTime();
            List<NearbyPlace> found = places.nearby(query.latitude().doubleValue(), query.longitude().doubleValue(),
                    query.radiusMetres().doubleValue(), PlacesQuery.MAX_RESULTS);
            log.info("offline places around {},{} within {} m: {} found in {} us", query.latitude(),
                    query.longitude(), query.radiusMetres().toPlainString(), found.size(),
                    (System.nanoTime() - started) / 1000);
            return response(found);
        });
    }

    static JsonObject response(List<NearbyPlace> found) {
        JsonArray results = new JsonArray();
        found.forEach(nearby -> results.add(result(nearby.place())));
        return new JsonObject()
                .put("html_attributions", new JsonArray().add(ATTRIBUTION))
                .put("results", results)
                .put("status", found.isEmpty() ? "ZERO_RESULTS" : "OK");
    }

    private static JsonObject result(Place place) {
        return new JsonObject()
                .put("geometry", new JsonObject().put("location",
                        new JsonObject().put("lat", place.latitude()).put("lng", place.longitude())))
                .put("name", place.name())
                .put("place_id", "geonames:" + place.geonamesId())
                .put("types", types(place.featureCode()))
                .put("vicinity", place.adminArea().isEmpty()
                        ? place.country() : place.adminArea() + ", " + place.country());
    }

    /**
     * Google's nearest types for a GeoNames feature code (https://www.geonames.org/export/codes.html):
     * a section of a populated place (PPLX) is a sublocality, every other populated place a locality.
     */
    static JsonArray types(String featureCode) {
        String code = featureCode.toUpperCase(Locale.ROOT);
        if (code.equals("PPLX")) {
            return new JsonArray().add("sublocality").add("political");
        }
        return new JsonArray().add("locality").add("political");
    }
}
