package herd.places;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import herd.config.PlacesConfig;
import herd.config.PlacesConfig.Provider;
import herd.testing.PlacesStandIn;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Which provider each configuration gets (places.md, Providers). */
@ExtendWith(VertxExtension.class)
class PlacesProvidersTest {

    private static final Logger LOG = LoggerFactory.getLogger("herd.member.test");
    private static final PlacesQuery QUERY = new PlacesQuery(BigDecimal.ONE, BigDecimal.ONE, new BigDecimal("1000"));

    @Test
    void autoIsGoogleWithAKeyAndOfflineWithout(Vertx vertx) {
        PlacesStandIn google = PlacesStandIn.start(vertx);
        PlacesConfig auto = PlacesConfig.of(Provider.AUTO, google.newUrl(), Duration.ofMillis(2000));

        assertEquals("OK", PlacesProviders.create(vertx, auto, "key", LOG).nearby(QUERY).await().getString("status"));
        assertEquals(PlacesStandIn.NEW_PATH, google.requests().get(0).path());
        assertOffline(PlacesProviders.create(vertx, auto, null, LOG));
        assertOffline(PlacesProviders.create(vertx, auto, "  ", LOG));
        assertOffline(PlacesProviders.create(vertx, PlacesConfig.offline(), "key", LOG));
        assertEquals(1, google.requests().size());
    }

    /** Offline answers carry the offline data set's attribution. */
    private static void assertOffline(PlacesProvider places) {
        JsonObject answer = places.nearby(QUERY).await();
        assertTrue(answer.getJsonArray("html_attributions").encode().contains("GeoNames"), answer.encode());
    }

    @Test
    void googleWithoutAKeyIsDeniedWithoutACall(Vertx vertx) {
        PlacesStandIn google = PlacesStandIn.start(vertx);
        JsonObject denied = PlacesProviders.create(vertx, PlacesConfig.of(Provider.GOOGLE_LEGACY, google.legacyUrl(),
                        Duration.ofMillis(2000)),
                "", LOG).nearby(QUERY).await();
        assertEquals("REQUEST_DENIED", denied.getString("status"));
        assertTrue(denied.getJsonArray("results").isEmpty());
        assertTrue(denied.getString("error_message").contains("PLACES_API_KEY"), denied.encode());
        assertTrue(google.requests().isEmpty());
    }
}
