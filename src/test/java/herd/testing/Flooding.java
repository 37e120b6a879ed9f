package herd.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;

/** Whether a herd floods: the check shared by tests of the ways members may be linked. */
public final class Flooding {

    private Flooding() {
    }

    /** Reports a client's location at {@code member} and waits until every running member holds it. */
    public static void reachesEveryMember(TestHerd herd, String member, String client) throws IOException {
        try (LineClient at = new LineClient(herd.port(member))) {
            String reply = at.send("IAMAT " + client + " +34.068930-118.445127 1621464827.5\n").readLine();
            assertTrue(reply.startsWith("AT " + member + " "), reply);
        }
        Await.until(client + " everywhere", Duration.ofSeconds(10), () -> herd.running().stream()
                .allMatch(name -> herd.member(name).table().get(client).isPresent()));
    }
}
