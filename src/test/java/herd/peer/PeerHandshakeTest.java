package herd.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import herd.config.MemberConfig;
import herd.config.PlacesConfig;
import herd.core.Report;
import herd.protocol.LineLimits;
import herd.testing.Await;
import herd.testing.LineClient;
import herd.testing.TestHerd;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Peer links from the accepting side: a hello buys nothing until the neighbour has proven who
 * it is, every line a valid client line can make crosses a link, and a neighbour that comes
 * back is dialled at once.
 */
@ExtendWith(VertxExtension.class)
class PeerHandshakeTest {

    private static final Duration SPREAD = Duration.ofSeconds(10);

    private TestHerd herd;

    private void start(Vertx vertx, Path logs, int maxClients) {
        herd = TestHerd.standard(vertx, logs, PlacesConfig.offline(),
                c -> c.maxClients(maxClients)).start();
    }

    @AfterEach
    void stop() {
        herd.close();
    }

    @Test
    void aHelloWithoutItsProofCountsAsAClientUntilItsDeadlineEndsIt(Vertx vertx, @TempDir Path logs) throws Exception {
        start(vertx, logs, 3);
        int clark = herd.port("Clark");
        List<FakeNeighbour> unproven = new ArrayList<>();
        try {
            for (String name : List.of("Bona", "Bona", "Jaquez")) {
                unproven.add(new FakeNeighbour(clark, name));
            }
            for (FakeNeighbour hello : unproven) {
                assertTrue(hello.link().readLine().startsWith("HERD-PEER Clark "));
            }
            try (LineClient fourth = new LineClient(clark)) {
                assertNull(fourth.readLine(), "a fourth connection past maxClients 3 was served");
            }
            long started = System.nanoTime();
            for (FakeNeighbour hello : unproven) {
                assertNull(hello.link().readLine(), "an unproven peer link was not ended");
            }
            long waitedMs = (System.nanoTime() - started) / 1_000_000;
            assertTrue(waitedMs < PeerLink.HANDSHAKE_TIMEOUT_MS + 5000, "ended after " + waitedMs + " ms");
        } finally {
            for (FakeNeighbour hello : unproven) {
                hello.close();
            }
        }
        // The member counts a connection gone once it has handled its close, a moment after the client sees it.
        Await.until("a client served once the unproven links are gone", SPREAD, () -> answered(clark, "after"));
    }

    /** Whether a new client connection is served: false if the member closed it at once. */
    private static boolean answered(int port, String client) {
        try (LineClient connection = new LineClient(port)) {
            String reply = connection.send("IAMAT " + client + " +1+1 1\n").readLine();
            return reply != null && reply.startsWith("AT Clark ");
        } catch (IOException refused) {
            return false;
        }
    }

    @Test
    void unprovenHandshakesInOneNeighboursNameAreBounded(Vertx vertx, @TempDir Path logs) throws Exception {
        start(vertx, logs, MemberConfig.DEFAULT_MAX_CLIENTS);
        int clark = herd.port("Clark");
        try (FakeNeighbour first = new FakeNeighbour(clark, "Bona");
             FakeNeighbour second = new FakeNeighbour(clark, "Bona");
             LineClient third = new LineClient(clark)) {
            assertTrue(first.link().readLine().startsWith("HERD-PEER Clark "));
            assertTrue(second.link().readLine().startsWith("HERD-PEER Clark "));
            assertEquals("? HERD-PEER Bona 00", third.send("HERD-PEER Bona 00\n").readLine());
        }
    }

    @Test
    void aProvenNeighbourIsAPeerLinkNotAClient(Vertx vertx, @TempDir Path logs) throws Exception {
        start(vertx, logs, 1);
        int clark = herd.port("Clark");
        try (FakeNeighbour bona = new FakeNeighbour(clark, "Bona").authenticate("Clark")) {
            String update = "AT Bona +0.000000001 proven +1+1 1";
            bona.link().send(update + "\n");
            Await.until("the proven link's update stored", SPREAD,
                    () -> herd.member("Clark").table().get("proven").map(Report::atLine).orElse("").equals(update));
            try (LineClient client = new LineClient(clark)) {
                assertTrue(client.send("IAMAT counted +1+1 1\n").readLine().startsWith("AT Clark "));
            }
        }
    }

    @Test
    void aPeerLineOfExactlyTheLimitIsTakenAndOneByteMoreIsNot(Vertx vertx, @TempDir Path logs) throws Exception {
        start(vertx, logs, MemberConfig.DEFAULT_MAX_CLIENTS);
        String longest = longestAtLine("Z".repeat(LineLimits.MEMBER_NAME), "edge");
        String tooLong = longestAtLine("Z".repeat(LineLimits.MEMBER_NAME + 1), "over");
        assertEquals(LineLimits.PEER, longest.length());
        assertEquals(LineLimits.PEER + 1, tooLong.length());
        try (FakeNeighbour bona = new FakeNeighbour(herd.port("Clark"), "Bona").authenticate("Clark")) {
            bona.link().send(tooLong + "\n" + longest + "\n");
            Await.until("the longest update at every member", SPREAD, () -> heldEverywhere("edge", longest));
        }
        for (String name : herd.names()) {
            assertEquals(Optional.empty(), herd.member(name).table().get("over"), name);
        }
    }

    @Test
    void theLongestClientLineSpreadsAndComesBackToAMemberThatRestarts(Vertx vertx, @TempDir Path logs)
            throws Exception {
        start(vertx, logs, MemberConfig.DEFAULT_MAX_CLIENTS);
        String time = "9".repeat(LineLimits.CLIENT - "IAMAT c +0+0 ".length());
        String at;
        try (LineClient clark = new LineClient(herd.port("Clark"))) {
            at = clark.send("IAMAT c +0+0 " + time + "\n").readLine();
        }
        assertTrue(at.startsWith("AT Clark +") || at.startsWith("AT Clark -"), at.substring(0, 40));
        Await.until("the update at every member", SPREAD, () -> heldEverywhere("c", at));

        herd.stopMember("Bailey");
        herd.startMember("Bailey");
        Await.until("the update back at Bailey", SPREAD,
                () -> herd.member("Bailey").table().get("c").map(Report::atLine).orElse("").equals(at));
    }

    @Test
    void aNeighbourThatDialsInIsDialledAtOnceRatherThanAfterTheBackOff(Vertx vertx, @TempDir Path logs)
            throws Exception {
        start(vertx, logs, MemberConfig.DEFAULT_MAX_CLIENTS);
        herd.stopMember("Bona");
        Path baileyLog = logs.resolve("Bailey.log");
        Pattern backOff = Pattern.compile("link to Bona: .*redialling in (\\d+) ms");
        int[] seen = {0};
        // Once Bailey waits over a second to redial, a link that comes up sooner was dialled because Bona dialled in.
        Await.until("Bailey backing off from Bona by over a second", Duration.ofSeconds(20), () -> {
            List<String> lines = lines(baileyLog);
            for (; seen[0] < lines.size(); seen[0]++) {
                Matcher waiting = backOff.matcher(lines.get(seen[0]));
                if (waiting.find() && Integer.parseInt(waiting.group(1)) >= 1000) {
                    return true;
                }
            }
            return false;
        });
        herd.startMember("Bona");
        Await.until("Bailey dialling Bona as soon as Bona dialled in", SPREAD, () -> lines(baileyLog).stream()
                .anyMatch(line -> line.contains("link to Bona: it dialled this member; dialling it now")));
        Await.until("Bailey's link to Bona up", SPREAD, () -> herd.status("Bailey").linksUp().contains("Bona"));
    }

    private boolean heldEverywhere(String client, String atLine) {
        for (String name : herd.names()) {
            if (!herd.member(name).table().get(client).map(Report::atLine).orElse("").equals(atLine)) {
                return false;
            }
        }
        return true;
    }

    /** An AT line from {@code origin} as long as the longest client line makes at an origin of that name. */
    private static String longestAtLine(String origin, String client) {
        String prefix = "AT " + origin + " -";
        String rest = ".000000000 " + client + " +0+0 ";
        int digits = (LineLimits.PEER + origin.length() - LineLimits.MEMBER_NAME - prefix.length() - rest.length()) / 2;
        String time = "9".repeat(digits);
        String difference = "8".repeat(LineLimits.PEER + origin.length() - LineLimits.MEMBER_NAME - prefix.length()
                - rest.length() - digits);
        return prefix + difference + rest + time;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }
}
