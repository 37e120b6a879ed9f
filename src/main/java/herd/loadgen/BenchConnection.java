package herd.loadgen;

import herd.protocol.LineFramer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.LongAdder;

/**
 * One load connection: sends commands and times each reply against the moment it was meant
 * to be sent (open loop) or was sent (closed loop). Owned by one event loop.
 */
final class BenchConnection implements LineFramer.Sink {

    /** A command awaiting its reply. */
    private record Outstanding(long dueNanos, boolean whatsat) {
    }

    private final NetSocket socket;
    private final Workload workload;
    private final LoadStats stats;
    private final LongAdder accepted;
    private final ArrayDeque<Outstanding> outstanding = new ArrayDeque<>();
    private boolean insideWhatsatReply;
    private long scheduled;
    private final double phase;
    private int closedLoopDepth;
    private boolean closing;

    /**
     * @param phase where in each of its intervals this connection sends, from 0 to 1: spread over
     *              the connections, so that together they send evenly rather than all at once
     */
    BenchConnection(NetSocket socket, String member, Workload workload, LoadStats stats, double phase) {
        this.phase = phase;
        this.accepted = stats.acceptedBy(member);
        this.socket = socket;
        this.workload = workload;
        this.stats = stats;
        LineFramer framer = new LineFramer(1 << 20, this);
        socket.handler(buffer -> framer.feed(buffer.getBytes()));
        socket.closeHandler(v -> {
            if (!closing) {
                stats.connectionsLost.increment();
            }
        });
    }

    /** Closed loop: keeps writing {@code depth} commands at once, each write when all before it are answered. */
    void startClosedLoop(int depth) {
        closedLoopDepth = depth;
        send(depth);
    }

    void stopSending() {
        closedLoopDepth = 0;
    }

    /** Open loop: sends every command due by {@code nowNanos} at {@code perSecond} from {@code startNanos}. */
    void sendDue(long startNanos, long nowNanos, double perSecond) {
        // Command k is due at start + (k + phase) / perSecond.
        long due = (long) Math.floor((nowNanos - startNanos) / 1e9 * perSecond - phase) + 1;
        if (due > scheduled) {
            StringBuilder batch = new StringBuilder();
            for (; scheduled < due; scheduled++) {
                append(batch, startNanos + (long) ((scheduled + phase) * 1e9 / perSecond));
            }
            write(batch);
        }
    }

    private void send(int count) {
        StringBuilder batch = new StringBuilder();
        long now = System.nanoTime();
        for (int i = 0; i < count; i++) {
            append(batch, now);
        }
        write(batch);
    }

    private void append(StringBuilder batch, long dueNanos) {
        boolean whatsat = workload.nextIsWhatsat();
        if (whatsat) {
            workload.appendWhatsat(batch);
        } else {
            workload.appendIamat(batch);
        }
        outstanding.add(new Outstanding(dueNanos, whatsat));
        stats.sent.increment();
    }

    private void write(StringBuilder batch) {
        socket.write(Buffer.buffer(batch.toString().getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Override
    public void line(String line) {
        Outstanding head = outstanding.peek();
        if (head == null) {
            return;
        }
        boolean invalid = line.startsWith("?");
        if (head.whatsat() && !invalid) {
            // A WHATSAT reply is an AT line, JSON, then an empty line: done at the empty line.
            if (!insideWhatsatReply) {
                insideWhatsatReply = true;
                return;
            }
            if (!line.isEmpty()) {
                return;
            }
            insideWhatsatReply = false;
        }
        outstanding.remove();
        if (!head.whatsat() && !invalid) {
            accepted.increment();
        }
        stats.replied(System.nanoTime() - head.dueNanos(), invalid);
        if (closedLoopDepth > 0 && outstanding.isEmpty()) {
            send(closedLoopDepth);
        }
    }

    @Override
    public void overlong(String head) {
        line(head);
    }

    void close() {
        closing = true;
        socket.close();
    }
}
