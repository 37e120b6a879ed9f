package herd.member;

import static org.junit.jupiter.api.Assertions.assertTrue;

import herd.config.PlacesConfig;
import herd.testing.LineClient;
import herd.testing.TestHerd;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an idle connection holds on a member's heap: no buffer for lines it sent before. A
 * line cut across chunks, or one over the limit, needs one only until its end arrives.
 */
@ExtendWith(VertxExtension.class)
class ConnectionHeapTest {

    private static final int CONNECTIONS = 500;

    @Test
    void aConnectionThatSentALongLineHoldsNoMoreThanOneThatSentAShortOne(Vertx vertx, @TempDir Path logs)
            throws Exception {
        try (TestHerd herd = TestHerd.standard(vertx, logs, PlacesConfig.offline()).start()) {
            int port = herd.port("Bona");
            String overlong = "x".repeat(9000) + "\n";
            String iamat = "IAMAT short +1+1 1\n";
            List<LineClient> clients = new ArrayList<>();
            try {
                close(open(port, 50, overlong, new ArrayList<>()));
                long start = usedHeapAfterGc();
                open(port, CONNECTIONS, iamat, clients);
                long afterShort = usedHeapAfterGc();
                open(port, CONNECTIONS, overlong, clients);
                long afterLong = usedHeapAfterGc();
                long shortLine = (afterShort - start) / CONNECTIONS;
                long longLine = (afterLong - afterShort) / CONNECTIONS;
                // A kept line buffer would be 8 to 16 KB more per connection.
                assertTrue(longLine - shortLine < 5 * 1024, "an idle connection holds " + longLine
                        + " bytes after a long line, " + shortLine + " after a short one");
            } finally {
                close(clients);
            }
        }
    }

    private static List<LineClient> open(int port, int count, String line, List<LineClient> clients) throws Exception {
        for (int i = 0; i < count; i++) {
            LineClient client = new LineClient(port);
            clients.add(client);
            assertTrue(client.send(line).readLine().startsWith(line.startsWith("IAMAT") ? "AT Bona " : "? xxx"));
        }
        return clients;
    }

    private static void close(List<LineClient> clients) throws IOException {
        for (LineClient client : clients) {
            client.close();
        }
    }

    /** The heap in use after full collections: what the process holds on to. */
    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
