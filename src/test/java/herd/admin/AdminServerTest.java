package herd.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import herd.config.PlacesConfig;
import herd.testing.Await;
import herd.testing.LineClient;
import herd.testing.TestHerd;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
class AdminServerTest {

    private TestHerd herd;
    private WebClient http;

    @BeforeEach
    void start(Vertx vertx, @TempDir Path logs) {
        herd = TestHerd.standard(vertx, logs, PlacesConfig.offline()).start();
        http = WebClient.create(vertx);
    }

    @AfterEach
    void stop() {
        herd.close();
    }

    private JsonObject status(String member) {
        return http.get(herd.adminPort(member), "127.0.0.1", "/status").send().await().bodyAsJsonObject();
    }

    private String scrape(String member) {
        return http.get(herd.adminPort(member), "127.0.0.1", "/metrics").send().await().bodyAsString();
    }

    @Test
    void statusTellsTheMemberItsClientsLinksAndHowFastUpdatesArrive() throws IOException {
        try (LineClient clark = new LineClient(herd.port("Clark"))) {
            clark.send("IAMAT watched +1+1 1\n").readLine();
        }
        Await.until("the update at Bailey", Duration.ofSeconds(10), () -> herd.member("Bailey").table().size() == 1);
        JsonObject bailey = status("Bailey");
        assertEquals("Bailey", bailey.getString("name"));
        assertEquals(1, bailey.getInteger("clients"));
        assertEquals("up", bailey.getJsonObject("links").getJsonObject("Bona").getString("state"));
        assertEquals("up", bailey.getJsonObject("links").getJsonObject("Campbell").getString("state"));
        assertEquals(0, bailey.getJsonObject("links").getJsonObject("Bona").getInteger("reconnects"));
        Await.until("equal digests", Duration.ofSeconds(10),
                () -> status("Clark").getString("digest").equals(status("Bailey").getString("digest")));
        JsonObject propagation = bailey.getJsonObject("propagation");
        assertEquals(1, propagation.getLong("count"));
        assertTrue(propagation.getLong("maxMicros") < Duration.ofSeconds(10).toNanos() / 1000, propagation.encode());
        assertEquals(0, status("Clark").getJsonObject("propagation").getLong("count"), "the origin records no delay");
        JsonObject replies = status("Clark").getJsonObject("reply");
        assertEquals(1, replies.getJsonObject("IAMAT").getLong("count"), replies.encode());
        assertEquals(0, replies.getJsonObject("WHATSAT").getLong("count"), replies.encode());
        assertTrue(replies.getJsonObject("IAMAT").getString("histogram").length() > 0, replies.encode());

        Await.until("Bailey's gauges published", Duration.ofSeconds(5), () -> scrape("Bailey")
                .contains("herd_clients{member=\"Bailey\"} 1.0"));
        String metrics = scrape("Bailey");
        assertTrue(metrics.contains("herd_peer_link_up{member=\"Bailey\",neighbour=\"Bona\"} 1.0"), metrics);
        assertTrue(metrics.contains("herd_propagation_latency_seconds_count{member=\"Bailey\"} 1"), metrics);
        assertTrue(metrics.contains("jvm_memory_used_bytes"), metrics);
        assertTrue(metrics.contains("process_start_time_seconds"), metrics);
        assertTrue(metrics.contains("herd_build_info{java=\"" + Runtime.version() + "\",version=\""), metrics);
        assertTrue(!metrics.contains("member=\"Clark\""), "Bailey's endpoint shows another member's series: " + metrics);
        String clark = scrape("Clark");
        assertTrue(clark.contains("herd_commands_total{command=\"IAMAT\",member=\"Clark\",outcome=\"ok\"} 1.0"), clark);
        assertTrue(!clark.contains("member=\"Bailey\""), clark);

        assertEquals(204, http.delete(herd.adminPort("Bailey"), "127.0.0.1", "/propagation").send().await().statusCode());
        assertEquals(0, status("Bailey").getJsonObject("propagation").getLong("count"));
    }

    @Test
    void healthAndReadinessAnswerForProbes() {
        assertEquals(new JsonObject().put("status", "UP"),
                http.get(herd.adminPort("Clark"), "127.0.0.1", "/health").send().await().bodyAsJsonObject());
        Await.until("Clark caught up", Duration.ofSeconds(10), () -> herd.status("Clark").caughtUp());
        JsonObject ready = http.get(herd.adminPort("Clark"), "127.0.0.1", "/ready").send().await().bodyAsJsonObject();
        assertEquals(new JsonObject().put("ready", true).put("clients", 0).put("linksUp", 2).put("links", 2), ready);
    }

    @Test
    void aStoppedNeighbourShowsAsDown() {
        herd.stopMember("Bona");
        Await.until("Bona down at Bailey", Duration.ofSeconds(10),
                () -> "down".equals(status("Bailey").getJsonObject("links").getJsonObject("Bona").getString("state")));
    }
}
