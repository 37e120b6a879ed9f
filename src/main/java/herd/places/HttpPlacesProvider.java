package herd.places;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;

/**
 * What the Google providers share: one {@link WebClient}, the time-out, turning every
 * failure into the legacy failure shape, and a log line per call. Error messages are our
 * own words, or upstream text with the key removed: Vert.x's time-out message quotes the
 * whole request URI, key included.
 */
abstract class HttpPlacesProvider implements PlacesProvider {

    private final WebClient client;
    private final String name;
    private final String url;
    private final long timeoutMs;
    private final String apiKey;
    private final Logger log;

    /** @param url the endpoint; null for {@code defaultUrl} */
    HttpPlacesProvider(Vertx vertx, String name, String url, String defaultUrl, long timeoutMs, String apiKey, Logger log) {
        this.client = WebClient.create(vertx);
        this.name = name;
        this.url = url == null ? defaultUrl : url;
        this.timeoutMs = timeoutMs;
        this.apiKey = apiKey;
        this.log = log;
    }

    /** Sends the provider's request to {@code url}, with the given time-out. */
    abstract Future<HttpResponse<Buffer>> send(WebClient client, String url, PlacesQuery query, String apiKey,
                                               long timeoutMs);

    /** Turns the provider's answer into the legacy shape; may throw {@link DecodeException}. */
    abstract JsonObject translate(HttpResponse<Buffer> response);

    @Override
    public final Future<JsonObject> nearby(PlacesQuery query) {
        long started = System.nanoTime();
        return send(client, url, query, apiKey, timeoutMs)
                .map(this::translateOrFail)
                .otherwise(this::failure)
                .onSuccess(answer -> log.info("{} places around {},{} within {} m: {}, {} results, {} ms{}", name,
                        query.latitude(), query.longitude(), query.radiusMetres().toPlainString(),
                        answer.getString("status"), answer.getJsonArray("results").size(),
                        (System.nanoTime() - started) / 1_000_000,
                        answer.containsKey("error_message") ? " (" + answer.getString("error_message") + ")" : ""));
    }

    private JsonObject translateOrFail(HttpResponse<Buffer> response) {
        try {
            return translate(response);
        } catch (DecodeException | ClassCastException e) {
            return PlacesResponses.failure(PlacesResponses.UNKNOWN_ERROR,
                    "places provider answered HTTP " + response.statusCode() + " with a body that is not the expected JSON");
        }
    }

    private JsonObject failure(Throwable cause) {
        if (cause instanceof TimeoutException) {
            return PlacesResponses.failure(PlacesResponses.UNKNOWN_ERROR,
                    "places provider did not answer within " + timeoutMs + " ms");
        }
        return PlacesResponses.failure(PlacesResponses.UNKNOWN_ERROR,
                "places provider unreachable: " + redact(String.valueOf(cause.getMessage())));
    }

    final String redact(String text) {
        return apiKey == null || apiKey.isEmpty() ? text : text.replace(apiKey, "<key>");
    }

    @Override
    public Future<Void> close() {
        client.close();
        return Future.succeededFuture();
    }
}
