package herd.places;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.concurrent.TimeUnit;
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

    /** The provider's request to {@code url}: method, headers and query parameters. */
    abstract HttpRequest<Buffer> request(WebClient client, String url, PlacesQuery query, String apiKey);

    /** The JSON body to send, or null to send none. */
    JsonObject body(PlacesQuery query) {
        return null;
    }

    /**
     * A successful (HTTP 200) answer in the legacy shape; throws {@link DecodeException} or
     * {@link ClassCastException} when the body is not what the provider sends.
     */
    abstract JsonObject translate(JsonObject body);

    /** The legacy status for an HTTP error; {@code error} is the body's {@code error} object, or null. */
    String failureStatus(int httpStatus, JsonObject error) {
        return PlacesResponses.UNKNOWN_ERROR;
    }

    @Override
    public final Future<JsonObject> nearby(PlacesQuery query) {
        long started = System.nanoTime();
        HttpRequest<Buffer> request = request(client, url, query, apiKey).timeout(timeoutMs);
        JsonObject body = body(query);
        // The request time-out only bounds each wait for data; a server that trickles bytes
        // could hold the call for ever, so the whole call has the same deadline too.
        return (body == null ? request.send() : request.sendJsonObject(body))
                .timeout(timeoutMs, TimeUnit.MILLISECONDS)
                .map(this::answer)
                .otherwise(this::failure)
                .onSuccess(answer -> log.info("{} places around {},{} within {} m: {}, {} results, {} ms{}", name,
                        query.latitude(), query.longitude(), query.radiusMetres().toPlainString(),
                        answer.getString("status"), answer.getJsonArray("results").size(),
                        (System.nanoTime() - started) / 1_000_000,
                        answer.containsKey("error_message") ? " (" + answer.getString("error_message") + ")" : ""));
    }

    private JsonObject answer(HttpResponse<Buffer> response) {
        int httpStatus = response.statusCode();
        JsonObject body = jsonObject(response.body());
        if (httpStatus != 200) {
            JsonObject error = body != null && body.getValue("error") instanceof JsonObject e ? e : null;
            String message = error != null && error.getValue("message") instanceof String m ? m : null;
            return PlacesResponses.failure(failureStatus(httpStatus, error),
                    "places provider answered HTTP " + httpStatus + (message == null ? "" : ": " + redact(message)));
        }
        if (body == null) {
            return notTheExpectedJson();
        }
        try {
            return translate(body);
        } catch (DecodeException | ClassCastException e) {
            return notTheExpectedJson();
        }
    }

    private static JsonObject notTheExpectedJson() {
        return PlacesResponses.failure(PlacesResponses.UNKNOWN_ERROR,
                "places provider answered HTTP 200 with a body that is not the expected JSON");
    }

    /** The body as a JSON object, or null when it is empty or anything else. */
    private static JsonObject jsonObject(Buffer body) {
        try {
            return body == null || body.length() == 0 ? null : body.toJsonObject();
        } catch (DecodeException e) {
            return null;
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
