package herd.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import herd.config.PlacesConfig;
import herd.testing.Await;
import herd.testing.LineClient;
import herd.testing.TestHerd;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The live page's event stream, read as the page's EventSource reads it. */
@ExtendWith(VertxExtension.class)
class LiveFeedTest {

    private static final Duration LIMIT = Duration.ofSeconds(10);

    private TestHerd herd;

    @BeforeEach
    void start(Vertx vertx, @TempDir Path logs) {
        herd = TestHerd.standard(vertx, logs, PlacesConfig.offline()).start();
    }

    @AfterEach
    void stop() {
        herd.close();
    }

    @Test
    void streamsTheHerdAndArrivingLocationsOnlyWhileSomeoneWatches(Vertx vertx) throws IOException {
        assertFalse(watched("Clark"), "no page, no listener on the member's updates");
        HttpClientRequest request = vertx.createHttpClient()
                .request(HttpMethod.GET, herd.adminPort("Clark"), "127.0.0.1", "/live/events").await();
        HttpClientResponse response = request.send().await();
        assertEquals("text/event-stream", response.getHeader("content-type"));
        StringBuffer stream = new StringBuffer();
        response.handler(chunk -> stream.append(chunk));

        Await.until("the herd's status", LIMIT, () -> stream.indexOf("event: status\n") >= 0);
        assertTrue(watched("Clark"));
        JsonObject status = new JsonObject(data(stream.toString(), "status"));
        assertEquals("Clark", status.getString("self"));
        JsonArray members = status.getJsonArray("members");
        assertEquals(List.of("Clark", "Bailey", "Bona", "Campbell", "Jaquez"),
                members.stream().map(m -> ((JsonObject) m).getString("name")).toList());
        members.forEach(m -> assertTrue(((JsonObject) m).getBoolean("reachable"), m.toString()));
        JsonObject propagation = members.getJsonObject(1).getJsonObject("status").getJsonObject("propagation");
        assertFalse(propagation.containsKey("histogram"), "the page gets percentiles, not the encoded histogram");
        assertEquals(LatencyCurve.PERCENTILES.length, propagation.getJsonArray("percentiles").size());

        try (LineClient bailey = new LineClient(herd.port("Bailey"))) {
            bailey.send("IAMAT feed.kiwi -33.86+151.2 1621464827.5\n").readLine();
        }
        Await.until("the location Bailey heard", LIMIT, () -> stream.indexOf("\"client\":\"feed.kiwi\"") >= 0);
        String arrived = stream.substring(stream.lastIndexOf("event: locations\n"));
        JsonObject locations = new JsonObject(data(arrived, "locations"));
        assertTrue(locations.getBoolean("arrived"));
        assertEquals(new JsonObject().put("client", "feed.kiwi").put("lat", -33.86).put("lon", 151.2)
                .put("origin", "Bailey").put("time", "1621464827.5"), locations.getJsonArray("reports").getJsonObject(0));

        request.connection().close().await();
        Await.until("the member to stop listening once no one watches", LIMIT, () -> !watched("Clark"));
    }

    /** The data of the first event of that name in the stream. */
    private static String data(String stream, String event) {
        int start = stream.indexOf("event: " + event + "\ndata: ") + ("event: " + event + "\ndata: ").length();
        return stream.substring(start, stream.indexOf("\n\n", start));
    }

    private boolean watched(String member) {
        CompletableFuture<Boolean> watched = new CompletableFuture<>();
        herd.onLoop(member, running -> watched.complete(running.mesh().watched()));
        return watched.join();
    }
}
