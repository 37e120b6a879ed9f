package herd.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import herd.config.PlacesConfig;
import herd.testing.Await;
import herd.testing.LineClient;
import herd.testing.TestHerd;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A member is ready once it holds what its herd holds (admin.md, Readiness). */
@ExtendWith(VertxExtension.class)
class ReadinessTest {

    private static final int CLIENTS = 30_000;

    private TestHerd herd;
    private WebClient http;

    @BeforeEach
    void start(Vertx vertx, @TempDir Path logs) {
        herd = TestHerd.standard(vertx, logs, PlacesConfig.offline()).start();
        http = WebClient.create(vertx);
    }

    /** Enough clients that a neighbour's answer takes a while to arrive. */
    private void everyMemberHoldsClients() throws IOException {
        StringBuilder updates = new StringBuilder();
        for (int i = 0; i < CLIENTS; i++) {
            updates.append("IAMAT client").append(i).append(" +34-118 1\n");
        }
        try (LineClient clark = new LineClient(herd.port("Clark"))) {
            clark.send(updates.toString());
            for (int i = 0; i < CLIENTS; i++) {
                clark.readLine();
            }
        }
        Await.until("every member holds every client", Duration.ofSeconds(30),
                () -> herd.running().stream().allMatch(name -> herd.status(name).clients() == CLIENTS));
    }

    @AfterEach
    void stop() {
        herd.close();
    }

    private HttpResponse<Buffer> ready(String member) {
        return http.get(herd.adminPort(member), "127.0.0.1", "/ready").send().await();
    }

    @Test
    void aMemberRestartingEmptyIsReadyOnlyOnceItHoldsItsNeighboursClients() throws IOException {
        everyMemberHoldsClients();
        herd.stopMember("Bailey");
        herd.startMember("Bailey");
        JsonObject ready = Await.value("Bailey ready", Duration.ofSeconds(15), () -> {
            HttpResponse<Buffer> answer = ready("Bailey");
            return answer.statusCode() == 200 ? Optional.of(answer.bodyAsJsonObject()) : Optional.empty();
        });
        assertEquals(CLIENTS, ready.getInteger("clients"), "ready before it held its neighbours' clients: " + ready);
    }

    @Test
    void aMemberRestartingEmptyIsSentItsTableOnceNotOverEveryLink() throws IOException {
        everyMemberHoldsClients();
        herd.stopMember("Bailey");
        herd.startMember("Bailey");
        String digest = herd.status("Bona").digest();
        Await.until("Bailey holds the herd's table", Duration.ofSeconds(30),
                () -> herd.status("Bailey").caughtUp() && herd.status("Bailey").digest().equals(digest));
        long received = herd.status("Bailey").peerTraffic().linesIn();
        // Over its four links (two neighbours, a link each way) the table would come four times.
        assertTrue(received < CLIENTS * 3 / 2, "Bailey received " + received + " lines for " + CLIENTS + " clients");
    }

    @Test
    void aMemberWhoseNeighboursAreAllDownWaitsThenIsReadyWhenOneAnswers() {
        herd.stopMember("Bona");
        herd.stopMember("Campbell");
        herd.stopMember("Bailey");
        herd.startMember("Bailey");
        HttpResponse<Buffer> waiting = ready("Bailey");
        assertEquals(503, waiting.statusCode());
        assertEquals(new JsonObject().put("ready", false).put("clients", 0).put("linksUp", 0).put("links", 2), waiting.bodyAsJsonObject());

        herd.startMember("Campbell");
        Await.until("Bailey ready", Duration.ofSeconds(15), () -> ready("Bailey").statusCode() == 200);
        assertFalse(herd.status("Bailey").linksUp().isEmpty());
    }
}
