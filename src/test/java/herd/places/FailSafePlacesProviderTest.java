package herd.places;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Whatever a provider does wrong, the answer is the protocol's failure answer. */
class FailSafePlacesProviderTest {

    private static final PlacesQuery QUERY = new PlacesQuery(BigDecimal.ONE, BigDecimal.ONE, new BigDecimal("1000"));

    @Test
    void aProviderThatThrowsOrFailsOrAnswersNothingAnswersUnknownError() {
        PlacesProvider throwing = query -> {
            throw new IllegalStateException("broken with key-123");
        };
        PlacesProvider failing = query -> Future.failedFuture(new IllegalStateException("index did not load"));
        PlacesProvider silent = query -> null;
        for (PlacesProvider broken : new PlacesProvider[] {throwing, failing, silent}) {
            JsonObject answer = new FailSafePlacesProvider(broken, "key-123", LoggerFactory.getLogger("herd.test"))
                    .nearby(QUERY).result();
            assertEquals(PlacesResponses.UNKNOWN_ERROR, answer.getString("status"));
            assertTrue(answer.getJsonArray("results").isEmpty());
            assertEquals(FailSafePlacesProvider.ERROR_MESSAGE, answer.getString("error_message"));
        }
    }
}
