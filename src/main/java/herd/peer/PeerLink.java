package herd.peer;

import herd.config.PeerAddress;
import herd.logging.MemberLog;
import herd.logging.TrafficLog;
import herd.protocol.LineFramer;
import herd.protocol.PeerWire;
import herd.protocol.Reply;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;

/**
 * The link this member dials to one neighbour, which carries this member's updates to it.
 * It opens with a hello each way, and when it drops it is redialled with back-off until
 * the neighbour answers again or the link is closed.
 *
 * <p>A neighbour that reads slower than updates arrive would have them pile up in this
 * member's memory without bound. Past {@link #BUSY_BYTES} waiting to be sent the link is
 * busy, and the member stops reading its own clients until it is not (see
 * {@link PeerMesh#linkBusy}); that slows the clients whose updates it floods, but not the
 * relays of other members' updates, nor a neighbour that stopped reading. So past
 * {@link #QUEUE_LIMIT_BYTES}, or when busy for {@link #BUSY_LIMIT_MS}, the link lags:
 * updates are not sent on it until half of that limit has drained, then the two tables are
 * compared, as when a link comes up, and anti-entropy sends what the neighbour missed.
 */
final class PeerLink {

    static final long HANDSHAKE_TIMEOUT_MS = 5000;
    /**
     * A batch this large is written at once rather than at the end of the turn: one turn may
     * flood tens of thousands of lines, and a buffer of megabytes is costly to grow and, being
     * a "humongous" object to G1, starts a concurrent collection each time.
     */
    static final int MAX_BATCH_BYTES = 64 * 1024;
    /** How much may wait to be sent to a neighbour before the member holds its clients. */
    static final int BUSY_BYTES = 1024 * 1024;
    /** How much may wait to be sent to a neighbour before the link lags: a fraction of a second of a busy link. */
    static final int QUEUE_LIMIT_BYTES = 4 * 1024 * 1024;
    /** How long a busy link may hold the member's clients: a neighbour that hangs must not stop the member. */
    static final long BUSY_LIMIT_MS = 3000;
    /**
     * How long a link that caught up must keep up before the tables are compared. Under lasting
     * overload it lags again and again, and comparing tables in flux resends whole buckets:
     * that repair waits until the overload is over.
     */
    static final long REPAIR_DELAY_MS = 5000;

    private final Vertx vertx;
    private final PeerMesh mesh;
    private final PeerAuth auth;
    private final NetClient client;
    private final String self;
    private final String neighbour;
    private final PeerAddress address;
    private final Logger log;
    private final TrafficLog.Connection traffic;
    private final ReconnectDelay delay = new ReconnectDelay();
    private final Context context;
    private Buffer batch;
    private long lastWriteNanos = System.nanoTime();
    private NetSocket socket;
    private volatile boolean up;
    private volatile Instant stateSince = Instant.now();
    private volatile int reopenings;
    private boolean closed;
    private boolean everUp;
    private int failedAttempts;
    private long redialTimer = -1;
    /**
     * Bytes written on the socket that it has not yet handed to the kernel, counted here from
     * each write's outcome rather than read as {@code writeQueueFull()}: that has one threshold,
     * and the link needs two (busy, lagging).
     */
    private long pendingBytes;
    private volatile boolean busy;
    private long busyTimer = -1;
    private boolean lagging;
    private volatile long unsent;
    private long repairTimer = -1;
    /** Updates were not sent since the tables were last compared. */
    private boolean repairOwed;

    PeerLink(Vertx vertx, PeerMesh mesh, PeerAuth auth, NetClient client, String self, String neighbour,
             PeerAddress address, Logger log) {
        this.vertx = vertx;
        this.mesh = mesh;
        this.auth = auth;
        this.client = client;
        this.self = self;
        this.neighbour = neighbour;
        this.address = address;
        this.log = log;
        this.traffic = MemberLog.traffic(log).connection("link:" + neighbour);
        this.context = vertx.getOrCreateContext();
    }

    String neighbour() {
        return neighbour;
    }

    PeerAddress address() {
        return address;
    }

    boolean isUp() {
        return up;
    }

    /** When the link last went up or down. */
    Instant stateSince() {
        return stateSince;
    }

    /** How many times the link came back after it had been up. */
    int reopenings() {
        return reopenings;
    }

    /** Whether the member holds its clients for this link. */
    boolean busy() {
        return busy;
    }

    /** How many updates were not sent because the link lagged (anti-entropy sent them later). */
    long unsent() {
        return unsent;
    }

    void start() {
        dial();
    }

    /**
     * Sends one line (with its LF) if the link is up; while it is down the update is not sent.
     * Lines sent in one event-loop turn go out in one write, at the end of the turn (or in
     * several, of at most about {@link #MAX_BATCH_BYTES} each). While the link lags, nothing is sent.
     */
    void send(byte[] line) {
        if (!up) {
            log.debug("link to {} is down: not sent: {}", neighbour,
                    Reply.readable(new String(line, StandardCharsets.ISO_8859_1).strip()));
            return;
        }
        if (lagging) {
            unsent++;
            return;
        }
        if (batch == null) {
            batch = Buffer.buffer();
            context.runOnContext(v -> flush());
        }
        batch.appendBytes(line);
        traffic.out(line);
        if (batch.length() >= MAX_BATCH_BYTES) {
            flush();
        }
    }

    private void flush() {
        Buffer lines = batch;
        batch = null;
        if (lines != null && up) {
            write(lines);
        }
    }

    private void write(Buffer lines) {
        NetSocket target = socket;
        int size = lines.length();
        pendingBytes += size;
        target.write(lines).onComplete(done -> {
            if (socket == target) {
                written(size);
            }
        });
        lastWriteNanos = System.nanoTime();
        if (!busy && !lagging && pendingBytes > BUSY_BYTES) {
            busy = true;
            mesh.linkBusy(true);
            busyTimer = vertx.setTimer(BUSY_LIMIT_MS, t -> lag());
        }
        if (!lagging && pendingBytes > QUEUE_LIMIT_BYTES) {
            lag();
        }
    }

    private void written(int size) {
        pendingBytes -= size;
        if (busy && pendingBytes <= BUSY_BYTES / 2) {
            notBusy();
        }
        if (lagging && pendingBytes <= QUEUE_LIMIT_BYTES / 2) {
            caughtUp();
        }
    }

    private void notBusy() {
        busy = false;
        vertx.cancelTimer(busyTimer);
        mesh.linkBusy(false);
    }

    /**
     * Writes the reports anti-entropy owes the neighbour, lagging or not: they are bounded by
     * the table, and a repair that was itself cut short would be tried again from the start.
     */
    void sendRepair(Buffer reports) {
        if (up) {
            flush();
            traffic.out(reports.getBytes());
            write(reports);
        }
    }

    private void lag() {
        lagging = true;
        if (busy) { // what waits is bounded now: the member need not hold its clients for this link
            notBusy();
        }
        vertx.cancelTimer(repairTimer);
        repairTimer = -1;
        if (!repairOwed) {
            repairOwed = true;
            log.warn("link to {}: over {} bytes wait to be sent; updates are not sent on it until half of that is",
                    neighbour, QUEUE_LIMIT_BYTES);
        }
    }

    private void caughtUp() {
        lagging = false;
        repairTimer = vertx.setTimer(REPAIR_DELAY_MS, t -> repair());
    }

    /** Anti-entropy sends what the link did not. */
    private void repair() {
        repairTimer = -1;
        if (up) {
            repairOwed = false;
            log.info("link to {} has kept up for {} ms since it lagged: comparing tables", neighbour, REPAIR_DELAY_MS);
            mesh.compareTables(this);
        }
    }

    /** Whether nothing was sent on the link for {@code quiet}. */
    boolean quietFor(Duration quiet) {
        return System.nanoTime() - lastWriteNanos >= quiet.toNanos();
    }

    /**
     * Closes the link on its own event loop, whatever thread asks, after writing what was sent
     * on it: lines sent in this turn may already have been acknowledged to their clients.
     */
    Future<Void> close() {
        Promise<Void> closing = Promise.promise();
        context.runOnContext(v -> {
            closed = true;
            vertx.cancelTimer(redialTimer);
            vertx.cancelTimer(repairTimer);
            flush();
            (socket == null ? Future.<Void>succeededFuture() : socket.close()).onComplete(closing);
        });
        return closing.future();
    }

    private void dial() {
        if (closed) {
            return;
        }
        client.connect(address.port(), address.host()).onComplete(connected -> {
            if (connected.failed()) {
                redial("cannot connect to " + address + ": " + connected.cause().getMessage());
            } else if (closed) {
                connected.result().close();
            } else {
                handshake(connected.result());
            }
        });
    }

    private void handshake(NetSocket opened) {
        socket = opened;
        pendingBytes = 0;
        String nonce = auth.enabled() ? auth.nonce() : null;
        long timeout = vertx.setTimer(HANDSHAKE_TIMEOUT_MS, t -> {
            log.warn("link to {}: no answer to the hello within {} ms", neighbour, HANDSHAKE_TIMEOUT_MS);
            opened.close();
        });
        LineFramer framer = new LineFramer(PeerWire.MAX_LINE_LENGTH, new LineFramer.Sink() {
            @Override
            public void line(String line) {
                vertx.cancelTimer(timeout);
                traffic.in(line);
                if (up) {
                    mesh.answered(neighbour, line);
                } else {
                    answered(opened, line, nonce);
                }
            }

            @Override
            public void overlong(String head) {
                line(head);
            }
        });
        opened.handler(buffer -> framer.feed(buffer.getBytes()));
        opened.exceptionHandler(failure -> log.debug("link to {}: {}", neighbour, failure.getMessage()));
        opened.closeHandler(v -> {
            vertx.cancelTimer(timeout);
            dropped();
        });
        opened.write(PeerWire.hello(self, nonce, null) + '\n');
    }

    private void answered(NetSocket opened, String line, String nonce) {
        Optional<PeerWire.Hello> hello = PeerWire.parseHello(line);
        if (hello.isPresent() && hello.get().name().equals(neighbour) && proven(hello.get(), nonce)) {
            if (auth.enabled()) {
                opened.write(PeerWire.auth(auth.diallerProof(self, neighbour, hello.get().nonce())) + '\n');
            }
            up = true;
            stateSince = Instant.now();
            delay.reset();
            log.info("link to {} at {} {}", neighbour, address, everUp ? "re-opened" : "opened");
            if (everUp) {
                reopenings++;
            }
            everUp = true;
            failedAttempts = 0;
            mesh.compareTables(this);
        } else {
            log.warn("link to {} at {} refused: answered \"{}\"", neighbour, address, Reply.readable(line));
            opened.close();
        }
    }

    /** Without a secret any answer naming the neighbour will do; with one, it must carry a valid proof. */
    private boolean proven(PeerWire.Hello hello, String nonce) {
        if (!auth.enabled()) {
            return true;
        }
        boolean valid = hello.nonce() != null
                && PeerAuth.matches(auth.acceptorProof(self, neighbour, nonce), hello.proof());
        if (!valid) {
            log.warn("link to {} at {}: the neighbour did not prove it knows the herd secret", neighbour, address);
        }
        return valid;
    }

    private void dropped() {
        socket = null;
        boolean wasUp = up;
        up = false;
        // The next link-up compares the tables anyway.
        lagging = false;
        repairOwed = false;
        if (busy) {
            notBusy();
        }
        vertx.cancelTimer(repairTimer);
        repairTimer = -1;
        if (wasUp) {
            stateSince = Instant.now();
        }
        if (closed) {
            return;
        }
        if (wasUp) {
            log.warn("link to {} dropped", neighbour);
        }
        redial("connection closed");
    }

    private void redial(String why) {
        if (closed) {
            return;
        }
        long wait = delay.next();
        failedAttempts++;
        // The first failure is worth a line at INFO; the retries that follow only at DEBUG.
        if (failedAttempts == 1) {
            log.info("link to {}: {}; redialling with back-off (first in {} ms)", neighbour, why, wait);
        } else {
            log.debug("link to {}: {}; redialling in {} ms", neighbour, why, wait);
        }
        redialTimer = vertx.setTimer(wait, t -> dial());
    }
}
