package herd.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import herd.config.PlacesConfig;
import herd.testing.Await;
import herd.testing.LineClient;
import herd.testing.TestHerd;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A connection that sends a great many lines at once gets a bounded share of its member's
 * event loop per turn: another client's command, arriving behind them, is answered after a
 * few hundred of them rather than after all that were read (see protocol.md, Framing).
 */
@ExtendWith(VertxExtension.class)
class FairnessTest {

    private static final int FLOOD_LINES = 20_000;
    /** Well above a turn's share, well below what the member reads of the flood in one go. */
    private static final long FAIR_BOUND = 1000;

    private TestHerd herd;

    @AfterEach
    void stop() {
        herd.close();
    }

    @Test
    void aFloodOfPipelinedLinesYieldsToAnotherClientAndIsStillAnsweredInOrder(Vertx vertx, @TempDir Path logs)
            throws Exception {
        herd = TestHerd.standard(vertx, logs, PlacesConfig.offline()).start();
        int port = herd.port("Clark");
        try (LineClient other = new LineClient(port); Socket flooder = new Socket(InetAddress.getLoopbackAddress(), port)) {
            assertTrue(other.send("IAMAT other +1+1 1\n").readLine().startsWith("AT Clark "));
            BufferedReader floodReplies = new BufferedReader(
                    new InputStreamReader(flooder.getInputStream(), StandardCharsets.ISO_8859_1), 1 << 16);
            OutputStream floodOut = flooder.getOutputStream();
            floodOut.write("IAMAT flood +1+1 0\n".getBytes(StandardCharsets.US_ASCII));
            assertTrue(floodReplies.readLine().endsWith(" flood +1+1 0"));

            // The member reads nothing until the flood and then the other client's command wait in its sockets.
            CountDownLatch blocked = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            herd.onLoop("Clark", member -> {
                blocked.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            assertTrue(blocked.await(10, TimeUnit.SECONDS));
            AtomicLong written = new AtomicLong();
            Thread writer = new Thread(() -> write(flooder, floodOut, written));
            try {
                writer.start();
                Await.until("64 KB of the flood waiting", Duration.ofSeconds(10), () -> written.get() >= 64 * 1024);
                other.send("WHATSAT flood 10 1\n");
            } finally {
                release.countDown();
            }

            String at = other.readWhatsAtReply().lines().findFirst().orElseThrow();
            long floodLinesBefore = Long.parseLong(at.substring(at.lastIndexOf(' ') + 1));
            assertTrue(floodLinesBefore < FAIR_BOUND,
                    "the other client's command was answered after " + floodLinesBefore + " flood lines");

            for (int i = 1; i <= FLOOD_LINES; i++) {
                String reply = floodReplies.readLine();
                String expected = i % 2 == 0 ? " flood +1+1 " + i : "? BAD " + i;
                assertTrue(reply != null && (i % 2 == 0 ? reply.startsWith("AT Clark ") && reply.endsWith(expected)
                        : reply.equals(expected)), "reply " + i + ": " + reply);
            }
            assertNull(floodReplies.readLine(), "the member ends the connection after the last reply");
            writer.join();
            assertEquals(written.get(), flood().length);
        }
    }

    /** Lines 1 to FLOOD_LINES: odd ones invalid, even ones IAMATs of the client "flood" at time i, then the end. */
    private static byte[] flood() {
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        for (int i = 1; i <= FLOOD_LINES; i++) {
            lines.writeBytes((i % 2 == 0 ? "IAMAT flood +1+1 " + i + "\n" : "BAD " + i + "\n")
                    .getBytes(StandardCharsets.US_ASCII));
        }
        return lines.toByteArray();
    }

    private static void write(Socket socket, OutputStream out, AtomicLong written) {
        byte[] flood = flood();
        try {
            for (int at = 0; at < flood.length; at += 4096) {
                int length = Math.min(4096, flood.length - at);
                out.write(flood, at, length);
                written.addAndGet(length);
            }
            socket.shutdownOutput();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
