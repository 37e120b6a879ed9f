package herd.places;

import herd.config.PlacesConfig;
import herd.testing.PlacesStandIn;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/** Tests of providers against a fresh local stand-in for Google, one per test. */
@ExtendWith(VertxExtension.class)
abstract class WithGoogleStandIn {

    Vertx vertx;
    PlacesStandIn google;

    @BeforeEach
    void startStandIn(Vertx vertx) {
        this.vertx = vertx;
        google = PlacesStandIn.start(vertx);
    }

    @AfterEach
    void stopStandIn() {
        google.close();
    }

    PlacesProvider provider(PlacesConfig config, String apiKey) {
        return PlacesProviders.create(vertx, config, apiKey, LoggerFactory.getLogger("herd.member.test"));
    }
}
