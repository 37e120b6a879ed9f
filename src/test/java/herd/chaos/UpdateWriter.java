package herd.chaos;

import herd.testing.LineClient;
import herd.testing.MemberProcess;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A phone fleet's share of the chaos load: paced IAMATs for its own clients, each to the next member
 * in turn; a member that is down or drops the connection is skipped until it answers again.
 */
final class UpdateWriter implements Runnable {

    private static final AtomicLong SEQ = new AtomicLong();

    private final List<MemberProcess> members;
    private final Ledger ledger;
    private final int firstClient;
    private final int clientStride;
    private final long intervalNanos;
    private final AtomicBoolean running;
    private final LineClient[] connections;
    private int nextMember;
    private int nextClient;

    UpdateWriter(List<MemberProcess> members, Ledger ledger, int firstClient, int clientStride, int perSecond,
                 AtomicBoolean running) {
        this.members = members;
        this.ledger = ledger;
        this.firstClient = firstClient;
        this.clientStride = clientStride;
        this.intervalNanos = TimeUnit.SECONDS.toNanos(1) / perSecond;
        this.running = running;
        this.connections = new LineClient[members.size()];
        this.nextMember = firstClient % members.size();
        this.nextClient = firstClient;
    }

    @Override
    public void run() {
        long due = System.nanoTime();
        while (running.get()) {
            LockSupport.parkNanos(due - System.nanoTime());
            due += intervalNanos;
            update(nextMember);
            nextMember = (nextMember + 1) % members.size();
            nextClient += clientStride;
            if (nextClient >= ledger.clients()) {
                nextClient = firstClient;
            }
        }
        for (int i = 0; i < connections.length; i++) {
            drop(i);
        }
    }

    private void update(int member) {
        LineClient connection;
        try {
            connection = connection(member);
        } catch (IOException down) {
            return;
        }
        long seq = SEQ.incrementAndGet();
        String expected = " " + Ledger.client(nextClient) + " " + Ledger.location(seq) + " " + Ledger.time(seq);
        ledger.sent(nextClient, seq);
        try {
            String reply = connection.send("IAMAT" + expected + "\n").readLine();
            if (reply != null && reply.startsWith("AT " + members.get(member).name() + " ") && reply.endsWith(expected)) {
                ledger.acknowledged(nextClient, seq, members.get(member).name());
            } else if (reply != null) {
                throw new AssertionError("unexpected reply to IAMAT" + expected + ": " + reply);
            } else {
                drop(member);
            }
        } catch (IOException cutOff) {
            drop(member);
        }
    }

    private LineClient connection(int member) throws IOException {
        if (connections[member] == null) {
            connections[member] = new LineClient(members.get(member).port(), Duration.ofSeconds(5));
        }
        return connections[member];
    }

    private void drop(int member) {
        if (connections[member] != null) {
            try {
                connections[member].close();
            } catch (IOException ignored) {
                // already gone: the member was killed
            }
            connections[member] = null;
        }
    }
}
