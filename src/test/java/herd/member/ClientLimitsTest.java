package herd.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import herd.admin.MemberStatus;
import herd.config.MemberConfig;
import herd.config.PlacesConfig;
import herd.testing.Await;
import herd.testing.LineClient;
import herd.testing.TestHerd;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** protocol.md, Limits: no client, flooding, slow, idle or hostile, takes a member down or holds others up. */
@ExtendWith(VertxExtension.class)
class ClientLimitsTest {

    private static final Duration PROMPT = Duration.ofSeconds(2);

    private TestHerd herd;

    private void start(Vertx vertx, Path logs, Duration clientIdleTimeout, int maxClients) {
        herd = TestHerd.standard(vertx, logs, PlacesConfig.offline(),
                c -> c.clientIdleTimeout(clientIdleTimeout).maxClients(maxClients)).start();
    }

    @AfterEach
    void stop() {
        herd.close();
    }

    @Test
    void aClientThatFloodsWithoutReadingIsPausedAndHoldsUpNoOne(Vertx vertx, @TempDir Path logs) throws Exception {
        start(vertx, logs, MemberConfig.DEFAULT_CLIENT_IDLE_TIMEOUT, MemberConfig.DEFAULT_MAX_CLIENTS);
        int lines = 100_000;
        String id = "f".repeat(500);
        try (Socket flooder = new Socket()) {
            flooder.setReceiveBufferSize(64 * 1024);
            flooder.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), herd.port("Clark")));
            AtomicLong sent = new AtomicLong();
            Thread writer = new Thread(() -> {
                try {
                    OutputStream out = flooder.getOutputStream();
                    for (int i = 0; i < lines; i++) {
                        byte[] line = ("IAMAT " + id + " +1+1 " + i + "\n").getBytes(StandardCharsets.US_ASCII);
                        out.write(line);
                        sent.addAndGet(line.length);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            writer.start();
            long total = (long) lines * ("IAMAT " + id + " +1+1 ").length() + lines + digits(lines);
            long[] previous = {-1};
            Await.until("the flooder blocked by the member", Duration.ofSeconds(20), () -> {
                long now = sent.get();
                boolean blocked = now == previous[0] && now > 1_000_000;
                previous[0] = now;
                return blocked;
            });

            long start = System.nanoTime();
            try (LineClient other = new LineClient(herd.port("Clark"), PROMPT)) {
                assertTrue(other.send("IAMAT other +1+1 1\n").readLine().startsWith("AT Clark "));
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertTrue(ms < PROMPT.toMillis(), "another client waited " + ms + " ms");
            assertTrue(sent.get() < total, "the member read the whole flood without its replies being read");

            BufferedReader replies = new BufferedReader(
                    new InputStreamReader(flooder.getInputStream(), StandardCharsets.US_ASCII), 1 << 16);
            for (int i = 0; i < lines; i++) {
                String reply = replies.readLine();
                assertTrue(reply != null && reply.endsWith(" " + id + " +1+1 " + i), "reply " + i + ": " + reply);
            }
            writer.join();
        }
    }

    @Test
    void anIdleClientIsDisconnectedButPeerLinksStayUp(Vertx vertx, @TempDir Path logs) throws IOException {
        start(vertx, logs, Duration.ofSeconds(1), MemberConfig.DEFAULT_MAX_CLIENTS);
        try (LineClient client = new LineClient(herd.port("Bona"), Duration.ofSeconds(10))) {
            client.send("IAMAT sleepy +1+1 1\n").readLine();
            long start = System.nanoTime();
            assertNull(client.readLine(), "the member should end an idle connection");
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertTrue(ms >= 900 && ms < 5000, "ended after " + ms + " ms");
        }
        for (String name : herd.names()) {
            MemberStatus status = herd.status(name);
            assertEquals(status.links().keySet(), status.linksUp(), name);
            status.links().forEach((neighbour, state) ->
                    assertEquals(0, state.reopenings(), name + "'s link to " + neighbour + " re-opened"));
        }
    }

    @Test
    void aConnectionPastMaxClientsIsClosedAtOnce(Vertx vertx, @TempDir Path logs) throws IOException {
        start(vertx, logs, MemberConfig.DEFAULT_CLIENT_IDLE_TIMEOUT, 3);
        List<LineClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                LineClient client = new LineClient(herd.port("Jaquez"));
                clients.add(client);
                assertTrue(client.send("IAMAT c" + i + " +1+1 1\n").readLine().startsWith("AT Jaquez "));
            }
            try (LineClient extra = new LineClient(herd.port("Jaquez"))) {
                assertEquals("", extra.readToEnd());
            }
            for (int i = 0; i < 3; i++) {
                assertTrue(clients.get(i).send("IAMAT c" + i + " +1+1 2\n").readLine().startsWith("AT Jaquez "));
            }
            clients.remove(0).close();
            Await.until("room for one more client", Duration.ofSeconds(5), () -> answers(herd.port("Jaquez")));
        } finally {
            for (LineClient client : clients) {
                client.close();
            }
        }
    }

    @Test
    void hostileInputIsAnsweredAndOthersAreStillServed(Vertx vertx, @TempDir Path logs) throws Exception {
        start(vertx, logs, MemberConfig.DEFAULT_CLIENT_IDLE_TIMEOUT, MemberConfig.DEFAULT_MAX_CLIENTS);
        int badLines = 100_000;
        long heapBefore = usedHeapAfterGc();
        try (Socket hostile = new Socket(InetAddress.getLoopbackAddress(), herd.port("Campbell"))) {
            Thread writer = new Thread(() -> {
                try {
                    OutputStream out = hostile.getOutputStream();
                    // 64 MB without a newline: buffered, it would show on the heap.
                    byte[] noNewline = new byte[1024 * 1024];
                    Arrays.fill(noNewline, (byte) 'x');
                    for (int mb = 0; mb < 64; mb++) {
                        out.write(noNewline);
                    }
                    out.write(new byte[] {'\n', 'I', 'A', (byte) 0xff, (byte) 0xc3, (byte) 0x28, (byte) 0x80, '\n'});
                    for (int i = 0; i < badLines; i++) {
                        out.write(("BAD " + i + "\n").getBytes(StandardCharsets.US_ASCII));
                    }
                    out.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            writer.start();
            BufferedReader replies = new BufferedReader(
                    new InputStreamReader(hostile.getInputStream(), StandardCharsets.ISO_8859_1), 1 << 16);
            assertEquals("? " + "x".repeat(8 * 1024), replies.readLine());
            assertEquals("? IA\u00ff\u00c3\u0028\u0080", replies.readLine());
            for (int i = 0; i < badLines; i++) {
                assertEquals("? BAD " + i, replies.readLine());
            }
            writer.join();
        }
        long grownMb = (usedHeapAfterGc() - heapBefore) >> 20;
        assertTrue(grownMb < 32, "the heap grew by " + grownMb + " MB");
        try (LineClient other = new LineClient(herd.port("Campbell"), PROMPT)) {
            assertTrue(other.send("IAMAT calm +1+1 1\n").readLine().startsWith("AT Campbell "));
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

    private static boolean answers(int port) {
        try (LineClient client = new LineClient(port, PROMPT)) {
            String reply = client.send("IAMAT probe +1+1 1\n").readLine();
            return reply != null;
        } catch (IOException refused) {
            return false;
        }
    }

    /** The digits of 0 .. n-1 written out. */
    private static long digits(int n) {
        long total = 0;
        for (int i = 0; i < n; i++) {
            total += Integer.toString(i).length();
        }
        return total;
    }
}
