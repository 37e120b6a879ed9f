package herd.places;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Objects;
import org.slf4j.Logger;

/**
 * Where the promise of {@link PlacesProvider} never to fail is kept, once for every provider: an
 * exception a provider throws, or a future of its that fails, becomes the failure answer
 * ({@code UNKNOWN_ERROR}, no results), so that a client still gets its WHATSAT reply, in order.
 */
final class FailSafePlacesProvider extends ForwardingPlacesProvider {

    static final String ERROR_MESSAGE = "the places provider failed";

    private final String apiKey;
    private final Logger log;

    /** @param apiKey kept out of the log line a failure makes; null when there is none */
    FailSafePlacesProvider(PlacesProvider places, String apiKey, Logger log) {
        super(places);
        this.apiKey = apiKey;
        this.log = log;
    }

    @Override
    public Future<JsonObject> nearby(PlacesQuery query) {
        Future<JsonObject> answer;
        try {
            answer = Objects.requireNonNull(places.nearby(query), "no answer");
        } catch (RuntimeException e) {
            answer = Future.failedFuture(e);
        }
        return answer.recover(failure -> {
            log.error("places provider failed around {},{}: {}", query.latitude(), query.longitude(), withoutKey(failure));
            return Future.succeededFuture(PlacesResponses.failure(PlacesResponses.UNKNOWN_ERROR, ERROR_MESSAGE));
        });
    }

    private String withoutKey(Throwable failure) {
        String text = failure.toString();
        return apiKey == null || apiKey.isBlank() ? text : text.replace(apiKey, "<PLACES_API_KEY>");
    }
}
