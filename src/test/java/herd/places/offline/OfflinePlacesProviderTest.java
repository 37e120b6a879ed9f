package herd.places.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import herd.places.PlacesQuery;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

@ExtendWith(VertxExtension.class)
class OfflinePlacesProviderTest {

    private static PlacesQuery query(String latitude, String longitude, String metres) {
        return new PlacesQuery(new BigDecimal(latitude), new BigDecimal(longitude), new BigDecimal(metres));
    }

    @Test
    void answersInTheLegacyShapeWithAttribution(Vertx vertx) {
        JsonObject answer = new OfflinePlacesProvider(vertx, LoggerFactory.getLogger("test"))
                .nearby(query("34.068930", "-118.445127", "10000")).await();
        assertEquals("OK", answer.getString("status"));
        assertEquals(new JsonArray().add(OfflinePlacesProvider.ATTRIBUTION), answer.getJsonArray("html_attributions"));
        JsonObject losAngeles = answer.getJsonArray("results").getJsonObject(0);
        assertEquals(new JsonObject()
                .put("geometry", new JsonObject().put("location", new JsonObject().put("lat", 34.05223).put("lng", -118.24368)))
                .put("name", "Los Angeles")
                .put("place_id", "geonames:5368361")
                .put("types", new JsonArray().add("locality").add("political"))
                .put("vicinity", "California, US"), losAngeles);
        assertTrue(answer.getJsonArray("results").size() <= PlacesQuery.MAX_RESULTS);
    }

    @Test
    void theOceanGivesZeroResults(Vertx vertx) {
        JsonObject answer = new OfflinePlacesProvider(vertx, LoggerFactory.getLogger("test"))
                .nearby(query("-30", "-140", "50000")).await();
        assertEquals("ZERO_RESULTS", answer.getString("status"));
        assertEquals(new JsonArray(), answer.getJsonArray("results"));
    }
}
