package herd.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import herd.config.PlacesConfig;
import herd.config.PlacesConfig.Provider;
import herd.core.Report;
import herd.peer.PeerMesh;
import herd.testing.Await;
import herd.testing.LineClient;
import herd.testing.PlacesStandIn;
import herd.testing.TestHerd;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The standard five-member herd, in-process on loopback, with a stand-in for Google. */
@ExtendWith(VertxExtension.class)
class HerdTest {

    private static final Duration FLOOD = Duration.ofSeconds(10);
    /** A peer update, as a client might try to slip one in. */
    private static final String FORGED = "AT Clark +0.000000000 forged +1+1 9999999999";
    private static final String AT_LINE =
            "AT Clark [+-][0-9]+\\.[0-9]{9} kiwi\\.cs\\.ucla\\.edu \\+34\\.068930-118\\.445127 1621464827\\.959498503";

    private PlacesStandIn google;
    private TestHerd herd;

    @BeforeEach
    void start(Vertx vertx, @TempDir Path logs) {
        google = PlacesStandIn.start(vertx);
        herd = TestHerd.standard(vertx, logs, PlacesConfig.of(Provider.GOOGLE, google.newUrl(), Duration.ofMillis(1000))).start();
    }

    @AfterEach
    void stop() {
        herd.close();
        google.close();
    }

    @Test
    void iamatAtClarkIsAnsweredByWhatsatAtBaileyWithClarksAtLine() throws IOException {
        String clarkReply;
        try (LineClient clark = new LineClient(herd.port("Clark"))) {
            clarkReply = clark.send("IAMAT kiwi.cs.ucla.edu +34.068930-118.445127 1621464827.959498503\n").readLine();
        }
        assertTrue(clarkReply.matches(AT_LINE), clarkReply);
        awaitEverywhere("kiwi.cs.ucla.edu", "1621464827.959498503");

        try (LineClient bailey = new LineClient(herd.port("Bailey"))) {
            String reply = bailey.send("WHATSAT kiwi.cs.ucla.edu 10 2\n").readWhatsAtReply();
            String[] parts = reply.split("\n", 2);
            assertEquals(clarkReply, parts[0]);
            JsonObject places = new JsonObject(parts[1]);
            assertEquals("OK", places.getString("status"));
            assertEquals(2, places.getJsonArray("results").size());
            assertEquals("Place 1", places.getJsonArray("results").getJsonObject(0).getString("name"));
            assertTrue(reply.endsWith("}\n\n"), reply);
        }
        PlacesStandIn.Request request = google.requests().get(0);
        assertEquals("POST", request.method());
        assertEquals(PlacesStandIn.NEW_PATH, request.path());
        assertEquals(TestHerd.API_KEY, request.headers().get("X-Goog-Api-Key"));
        JsonObject circle = new JsonObject(request.body()).getJsonObject("locationRestriction").getJsonObject("circle");
        assertEquals(10000.0, circle.getDouble("radius"));
        assertEquals(34.06893, circle.getJsonObject("center").getDouble("latitude"));
        assertEquals(-118.445127, circle.getJsonObject("center").getDouble("longitude"));
    }

    @Test
    void whatsatsDifferingOnlyInTheirBoundShareOneGoogleCall() throws IOException {
        try (LineClient client = new LineClient(herd.port("Jaquez"))) {
            client.send("IAMAT cached +34.068930-118.445127 1\n").readLine();
            JsonObject three = new JsonObject(client.send("WHATSAT cached 10 1\n").readWhatsAtReply().split("\n", 2)[1]);
            JsonObject twenty = new JsonObject(client.send("WHATSAT cached 10 20\n").readWhatsAtReply().split("\n", 2)[1]);
            assertEquals(1, three.getJsonArray("results").size());
            assertEquals(3, twenty.getJsonArray("results").size());
        }
        assertEquals(1, google.requests().size());
    }

    @Test
    void fiftyConcurrentIdenticalWhatsatsMakeOneGoogleCall() throws Exception {
        google.behave(PlacesStandIn.Behaviour.ANSWER_LATE);
        try (LineClient setter = new LineClient(herd.port("Clark"))) {
            setter.send("IAMAT crowd +34.068930-118.445127 1\n").readLine();
        }
        List<LineClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                clients.add(new LineClient(herd.port("Clark")));
            }
            for (LineClient client : clients) {
                client.send("WHATSAT crowd 5 2\n");
            }
            for (LineClient client : clients) {
                assertTrue(client.readWhatsAtReply().contains("\"status\" : \"OK\""));
            }
        } finally {
            for (LineClient client : clients) {
                client.close();
            }
        }
        assertEquals(1, google.requests().size(), google.requests().toString());
    }

    @Test
    void anOlderIamatIsAnsweredButDoesNotWin() throws IOException {
        try (LineClient clark = new LineClient(herd.port("Clark"));
             LineClient jaquez = new LineClient(herd.port("Jaquez"))) {
            clark.send("IAMAT phone +10-10 200.5\n").readLine();
            awaitEverywhere("phone", "200.5");
            String older = jaquez.send("IAMAT phone +20-20 200.49999999999999999999\n").readLine();
            assertTrue(older.matches("AT Jaquez \\+[0-9]+\\.[0-9]{9} phone \\+20-20 200.49999999999999999999"), older);
            // Updates travel in order on each link: once a later marker is everywhere, the
            // older report would have been too, had it been flooded.
            jaquez.send("IAMAT marker +0-0 1\n").readLine();
            awaitEverywhere("marker", "1");
        }
        for (String name : herd.names()) {
            assertEquals("200.5", herd.member(name).table().get("phone").orElseThrow().time().text(), name);
        }
    }

    @Test
    void equalTimesConvergeOnOneWinnerEverywhere() throws IOException {
        try (LineClient bailey = new LineClient(herd.port("Bailey"));
             LineClient jaquez = new LineClient(herd.port("Jaquez"))) {
            bailey.send("IAMAT tied +1+1 500.0\n");
            jaquez.send("IAMAT tied +2+2 500\n");
            bailey.readLine();
            jaquez.readLine();
        }
        awaitEverywhere("tied", report -> report.origin().equals("Jaquez"));
    }

    @Test
    void aStoppedMemberDoesNotStopTheOthersAndRejoinsWhenRestarted() throws IOException {
        herd.stopMember("Bona");
        try (LineClient clark = new LineClient(herd.port("Clark"))) {
            clark.send("IAMAT during +5+5 10\n").readLine();
        }
        // Clark reaches Bailey through Jaquez and Campbell while Bona is down.
        Await.until("update at Bailey", FLOOD, () -> herd.member("Bailey").table().get("during").isPresent());

        herd.startMember("Bona");
        herd.awaitLinks();
        try (LineClient clark = new LineClient(herd.port("Clark"))) {
            clark.send("IAMAT after +6+6 11\n").readLine();
        }
        Await.until("update at the restarted Bona", FLOOD, () -> herd.member("Bona").table().get("after").isPresent());
    }

    @Test
    void aMemberThatRestartsEmptyGetsTheWholeTableBack() throws IOException {
        try (LineClient clark = new LineClient(herd.port("Clark"))) {
            for (int i = 0; i < 50; i++) {
                clark.send("IAMAT before" + i + " +1+1 " + i + "\n").readLine();
            }
        }
        awaitEverywhere("before49", "49");
        herd.stopMember("Bona");
        try (LineClient jaquez = new LineClient(herd.port("Jaquez"))) {
            jaquez.send("IAMAT missed +2+2 7\n").readLine();
        }
        awaitEverywhere("missed", "7");

        herd.startMember("Bona");
        Await.until("Bona's table equal to Bailey's", FLOOD, () ->
                herd.member("Bona").table().digest().equals(herd.member("Bailey").table().digest()));
        assertEquals(51, herd.member("Bona").table().size());
        assertEquals("AT Jaquez", herd.member("Bona").table().get("missed").orElseThrow().atLine().substring(0, 9));
    }

    @Test
    void oneUpdateIsSentOnceByEachMemberToEveryNeighbourButItsSourceAndCountedAtBothEnds() throws IOException {
        herd.awaitLinks();
        PeerMesh.Traffic before = settledTraffic();
        try (LineClient clark = new LineClient(herd.port("Clark"))) {
            clark.send("IAMAT counted +1+1 5\n").readLine();
        }
        awaitEverywhere("counted", "5");
        PeerMesh.Traffic after = settledTraffic();
        // Each member forwards once, when it first stores the update: the origin to its 2
        // neighbours, each other member to all of its neighbours but one: 2 + 1 + 2 + 2 + 1.
        assertEquals(8, after.linesOut() - before.linesOut());
        assertEquals(4, after.repeatsIn() - before.repeatsIn(), "each of the 4 others stored it once");
        assertTrue(after.bytesOut() - before.bytesOut() > 8 * "AT Clark +0.000000000 counted +1+1 5".length());
    }

    /** The herd's peer traffic once every line sent has been received. */
    private PeerMesh.Traffic settledTraffic() {
        PeerMesh.Traffic[] total = {null};
        Await.until("every peer line sent received", FLOOD, () -> {
            long linesIn = 0, bytesIn = 0, linesOut = 0, bytesOut = 0, repeats = 0;
            for (String name : herd.names()) {
                PeerMesh.Traffic traffic = herd.status(name).peerTraffic();
                linesIn += traffic.linesIn();
                bytesIn += traffic.bytesIn();
                linesOut += traffic.linesOut();
                bytesOut += traffic.bytesOut();
                repeats += traffic.repeatsIn();
            }
            total[0] = new PeerMesh.Traffic(linesIn, bytesIn, linesOut, bytesOut, repeats);
            return linesIn == linesOut && bytesIn == bytesOut;
        });
        return total[0];
    }

    @Test
    void aHalfClosedClientGetsEveryReplyIncludingWhatsat() throws IOException {
        try (LineClient client = new LineClient(herd.port("Clark"))) {
            client.send("IAMAT half +34.068930-118.445127 1621464827.959498503");
            client.shutdownOutput();
            String all = client.readToEnd();
            assertTrue(all.matches("AT Clark \\S+ half \\+34\\.068930-118\\.445127 1621464827\\.959498503\n"), all);
        }
        try (LineClient client = new LineClient(herd.port("Bailey"))) {
            awaitEverywhere("half", "1621464827.959498503");
            client.send("WHATSAT half 5 1");
            client.shutdownOutput();
            String all = client.readToEnd();
            assertTrue(all.startsWith("AT Clark "), all);
            assertTrue(all.contains("\"status\" : \"OK\""), all);
            assertTrue(all.endsWith("}\n\n"), all);
        }
    }

    @Test
    void pipelinedCommandsAreAnsweredInOrderEvenWhenALaterReplyIsReadyFirst() throws IOException {
        google.behave(PlacesStandIn.Behaviour.NEVER_ANSWER); // the WHATSAT waits for the 1 s time-out
        StringBuilder batch = new StringBuilder("IAMAT p0 +1+1 1\nWHATSAT p0 1 1\n");
        for (int i = 1; i <= 200; i++) {
            batch.append("IAMAT p").append(i).append(" +1+1 ").append(i).append('\n');
        }
        try (LineClient client = new LineClient(herd.port("Campbell"))) {
            client.send(batch.toString());
            assertTrue(client.readLine().startsWith("AT Campbell "));
            String whatsat = client.readWhatsAtReply();
            assertTrue(whatsat.contains("\"status\" : \"UNKNOWN_ERROR\""), whatsat);
            for (int i = 1; i <= 200; i++) {
                String reply = client.readLine();
                assertTrue(reply.matches("AT Campbell \\S+ p" + i + " \\+1\\+1 " + i), reply);
            }
        }
    }

    @Test
    void aProviderTimeOutOrHttpErrorKeepsTheReplyShape() throws IOException {
        try (LineClient client = new LineClient(herd.port("Bona"))) {
            client.send("IAMAT slow +1+1 1\n").readLine();
            google.behave(PlacesStandIn.Behaviour.NEVER_ANSWER);
            long start = System.nanoTime();
            String timedOut = client.send("WHATSAT slow 1 5\n").readWhatsAtReply();
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            assertTrue(elapsedMs < 3000, "answered after " + elapsedMs + " ms");
            assertFailureShape(timedOut);

            google.behave(PlacesStandIn.Behaviour.FAIL_500);
            assertFailureShape(client.send("WHATSAT slow 1 5\n").readWhatsAtReply());
        }
    }

    @Test
    void invalidCommandsAreEchoedAndChangeNothing() throws IOException {
        try (LineClient client = new LineClient(herd.port("Bailey"))) {
            assertEquals("? WHATSAT nobody 10 5", client.send("WHATSAT nobody 10 5\n").readLine());
            assertEquals("? " + FORGED, client.send(FORGED + "\r\n").readLine());
            assertEquals("?  IAMAT x +91+0 1 ", client.send(" IAMAT x +91+0 1 \n").readLine());
        }
        assertTrue(herd.member("Bailey").table().get("forged").isEmpty());
    }

    @Test
    void aConnectionClaimingToBeANeighbourWithoutTheSecretIsRefusedAndChangesNothing() throws IOException {
        try (LineClient impostor = new LineClient(herd.port("Bona"))) {
            String answer = impostor.send("HERD-PEER Clark 0123456789abcdef\n").readLine();
            assertTrue(answer.matches("HERD-PEER Bona [0-9a-f]{32} [0-9a-f]{64}"), answer);
            impostor.send("HERD-AUTH 00000000\n" + FORGED + "\n");
            assertEquals(null, impostor.readLine(), "the member closes the connection");
        }
        try (LineClient impostor = new LineClient(herd.port("Bona"))) {
            assertEquals("? HERD-PEER Clark", impostor.send("HERD-PEER Clark\n").readLine(), "no nonce, no link");
            assertEquals("? " + FORGED, impostor.send(FORGED + "\n").readLine());
        }
        assertTrue(herd.member("Bona").table().get("forged").isEmpty());
        assertEquals(Set.of("Bailey", "Campbell", "Clark"), herd.status("Bona").linksUp(),
                "the real links are untouched");
    }

    @Test
    void aHelloFromAMemberThatIsNotANeighbourLeavesAnOrdinaryClient() throws IOException {
        try (LineClient stranger = new LineClient(herd.port("Bailey"))) {
            // Clark is in the herd but not Bailey's neighbour.
            assertEquals("? HERD-PEER Clark", stranger.send("HERD-PEER Clark\n").readLine());
            assertEquals("? " + FORGED, stranger.send(FORGED + "\n").readLine());
            assertTrue(stranger.send("IAMAT real +1+1 1\n").readLine().startsWith("AT Bailey "));
        }
        assertTrue(herd.member("Bailey").table().get("forged").isEmpty());
    }

    private static void assertFailureShape(String reply) {
        String[] parts = reply.split("\n", 2);
        assertTrue(parts[0].startsWith("AT Bona "), parts[0]);
        JsonObject json = new JsonObject(parts[1]);
        assertEquals("UNKNOWN_ERROR", json.getString("status"), reply);
        assertTrue(json.getJsonArray("results").isEmpty(), reply);
        assertTrue(json.getString("error_message").length() > 0, reply);
        assertTrue(!reply.contains(TestHerd.API_KEY), reply);
    }

    private void awaitEverywhere(String clientId, String time) {
        awaitEverywhere(clientId, report -> report.time().text().equals(time));
    }

    /** Waits until every running member holds a report for the client that passes the test. */
    private void awaitEverywhere(String clientId, Predicate<Report> test) {
        Await.until(clientId + " at every member", FLOOD, () -> {
            for (String name : herd.running()) {
                Optional<Report> held = herd.member(name).table().get(clientId);
                if (held.isEmpty() || !test.test(held.get())) {
                    return false;
                }
            }
            return true;
        });
    }
}
