package herd.loadgen;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;

/**
 * A client that pipelines bursts of lines, every other one invalid, each burst in one write
 * once the last is answered: what the other connections' reply latency is measured against.
 * Its own replies are counted by their line ends, not read or timed: the load generator shares
 * the machine's cores with the members, and must not spend them on this. Owned by one event loop.
 */
final class FloodConnection {

    private final NetSocket socket;
    private final int burst;
    private final LongAdder replies;
    private int owed;
    private long next;
    private boolean sending = true;

    FloodConnection(NetSocket socket, int burst, LongAdder replies) {
        this.socket = socket;
        this.burst = burst;
        this.replies = replies;
        socket.handler(this::received);
    }

    void start() {
        StringBuilder lines = new StringBuilder(burst * 48);
        for (int i = 0; i < burst; i++, next++) {
            if (i % 2 == 0) {
                Workload.appendIamat(lines, "flood" + next % 1000, ThreadLocalRandom.current());
            } else {
                lines.append("FLOOD ").append(next).append('\n');
            }
        }
        owed = burst;
        socket.write(Buffer.buffer(lines.toString().getBytes(StandardCharsets.ISO_8859_1)));
    }

    void stopSending() {
        sending = false;
    }

    private void received(Buffer buffer) {
        int lines = 0;
        for (int i = 0; i < buffer.length(); i++) {
            if (buffer.getByte(i) == '\n') {
                lines++;
            }
        }
        replies.add(lines);
        owed -= lines;
        if (owed == 0 && sending) {
            start();
        }
    }

    void close() {
        socket.close();
    }
}
