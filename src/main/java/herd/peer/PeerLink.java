package herd.peer;

import herd.tls.TlsRefusal;
import herd.config.PeerAddress;
import herd.logging.MemberLog;
import herd.logging.TrafficLog;
import herd.protocol.LineFramer;
import herd.protocol.LineLimits;
import herd.protocol.PeerMessage;
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
 * The link this member dials to one neighbour, which carries this member's updates to it: a
 * state machine that dials, opens with the handshake ({@link PeerHandshake}), carries updates
 * while {@link State#UP}, and when the connection fails or drops waits out a back-off and dials
 * again, until it is closed.
 *
 * <pre>
 * DIALLING --connected--> HANDSHAKING --answer proven--> UP
 *    ^                        |                           |
 *    +--BACKING_OFF <--failed-+------------dropped--------+        any --close()--> CLOSED
 * </pre>
 *
 * <p>What waits to be sent is bounded by its {@link OutboundWindow}: while the link is busy the
 * member holds its clients (see {@link PeerMesh#linkBusy}), for at most {@link #BUSY_LIMIT};
 * while it lags it carries no updates, and once it has kept up again anti-entropy sends the
 * neighbour what it missed.
 */
final class PeerLink {

    enum State { DIALLING, HANDSHAKING, UP, BACKING_OFF, CLOSED }

    static final long HANDSHAKE_TIMEOUT_MS = 5000;
    /**
     * A batch this large is written at once rather than at the end of the turn: one turn may
     * flood tens of thousands of lines, and a buffer of megabytes is costly to grow and, being
     * a "humongous" object to G1, starts a concurrent collection each time.
     */
    static final int MAX_BATCH_BYTES = 64 * 1024;
    /** How long a busy link may hold the member's clients: a neighbour that hangs must not stop the member. */
    static final Duration BUSY_LIMIT = Duration.ofSeconds(3);

    private final Vertx vertx;
    private final PeerMesh mesh;
    private final AntiEntropy antiEntropy;
    private final PeerHandshake handshake;
    private final NetClient client;
    private final String neighbour;
    private final PeerAddress address;
    private final Logger log;
    private final TrafficLog.Connection traffic;
    private final PeerTraffic counted;
    private final Context context;

    // Owned by the member's event loop.
    private State state = State.DIALLING;
    private NetSocket socket;
    private Buffer batch;
    private long lastWriteNanos = System.nanoTime();
    private final ReconnectDelay delay = new ReconnectDelay();
    private int failedAttempts;
    private boolean everUp;
    private long redialTimer = -1;
    private long handshakeTimer = -1;
    private long busyTimer = -1;
    private long repairTimer = -1;
    /** Updates were not sent since the tables were last compared. */
    private boolean repairOwed;

    // Also read by other threads (status, metrics, tests).
    private final OutboundWindow window = new OutboundWindow();
    private volatile boolean up;
    private volatile Instant stateSince = Instant.now();
    private volatile int reopenings;

    PeerLink(Vertx vertx, PeerMesh mesh, AntiEntropy antiEntropy, PeerHandshake handshake, NetClient client,
             String neighbour, PeerAddress address, PeerTraffic counted, Logger log) {
        this.vertx = vertx;
        this.mesh = mesh;
        this.antiEntropy = antiEntropy;
        this.handshake = handshake;
        this.client = client;
        this.neighbour = neighbour;
        this.address = address;
        this.log = log;
        this.traffic = MemberLog.traffic(log).connection("link:" + neighbour);
        this.counted = counted;
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
        return window.busy();
    }

    /** How many updates were not sent because the link lagged (anti-entropy sent them later). */
    long unsent() {
        return window.unsent();
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
        if (state != State.UP) {
            log.debug("link to {} is down: not sent: {}", neighbour,
                    Reply.readable(new String(line, StandardCharsets.ISO_8859_1).strip()));
            return;
        }
        if (window.lagging()) {
            window.notSent();
            return;
        }
        if (batch == null) {
            batch = Buffer.buffer();
            context.runOnContext(v -> flush());
        }
        // Not logged here: the neighbour logs every line it receives, and an update a member floods
        // goes out on two or three links, which would log it again for each (most of the log's bytes).
        batch.appendBytes(line);
        counted.sent(1, line.length);
        if (batch.length() >= MAX_BATCH_BYTES) {
            flush();
        }
    }

    private void flush() {
        Buffer lines = batch;
        batch = null;
        if (lines != null && state == State.UP) {
            write(lines);
        }
    }

    private void write(Buffer lines) {
        NetSocket target = socket;
        int size = lines.length();
        boolean wasBusy = window.busy();
        boolean wasLagging = window.lagging();
        window.written(size);
        target.write(lines).onComplete(done -> {
            if (socket == target) {
                boolean busyBefore = window.busy();
                boolean laggingBefore = window.lagging();
                window.drained(size);
                windowChanged(busyBefore, laggingBefore);
            }
        });
        lastWriteNanos = System.nanoTime();
        windowChanged(wasBusy, wasLagging);
    }

    /** Acts on what a write or a drain changed: holding or releasing the member's clients, a lag begun or ended. */
    private void windowChanged(boolean wasBusy, boolean wasLagging) {
        if (window.busy() != wasBusy) {
            if (window.busy()) {
                busyTimer = vertx.setTimer(BUSY_LIMIT.toMillis(), t -> lagNow());
            } else {
                vertx.cancelTimer(busyTimer);
            }
            mesh.linkBusy(window.busy());
        }
        if (window.lagging() && !wasLagging) {
            vertx.cancelTimer(repairTimer);
            repairTimer = -1;
            if (!repairOwed) {
                repairOwed = true;
                log.warn("link to {}: over {} bytes wait to be sent; updates are not sent on it until half of that is",
                        neighbour, OutboundWindow.LAG_HIGH);
            }
        } else if (!window.lagging() && wasLagging) {
            repairTimer = antiEntropy.repairLater(this);
            repairOwed = false;
        }
    }

    /** The link was busy for {@link #BUSY_LIMIT}: it lags rather than hold the member's clients longer. */
    private void lagNow() {
        boolean wasBusy = window.busy();
        boolean wasLagging = window.lagging();
        window.lag();
        windowChanged(wasBusy, wasLagging);
    }

    /**
     * The socket anti-entropy writes the lines the neighbour needs on, lagging or not (they are
     * bounded by the table and written as the socket drains), once what this turn sent has gone.
     */
    Optional<NetSocket> socketForRepair() {
        if (state != State.UP) {
            return Optional.empty();
        }
        flush();
        return Optional.of(socket);
    }

    /** Where the lines of this link are logged. */
    TrafficLog.Connection traffic() {
        return traffic;
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
            flush();
            enter(State.CLOSED);
            vertx.cancelTimer(redialTimer);
            vertx.cancelTimer(repairTimer);
            (socket == null ? Future.<Void>succeededFuture() : socket.close()).onComplete(closing);
        });
        return closing.future();
    }

    /**
     * The neighbour dialled this member and proved who it is, so it is running: a link waiting
     * out its back-off dials it now.
     */
    void neighbourCameBack() {
        if (state == State.BACKING_OFF) {
            vertx.cancelTimer(redialTimer);
            delay.reset();
            log.info("link to {}: it dialled this member; dialling it now", neighbour);
            dial();
        }
    }

    private void dial() {
        enter(State.DIALLING);
        client.connect(address.port(), address.host()).onComplete(connected -> {
            if (state == State.CLOSED) {
                if (connected.succeeded()) {
                    connected.result().close();
                }
            } else if (connected.failed()) {
                if (TlsRefusal.isTls(connected.cause())) {
                    refused(TlsRefusal.reason(connected.cause()), TlsRefusal.describe(connected.cause()));
                }
                backOff("cannot connect to " + address + ": " + connected.cause().getMessage());
            } else {
                Optional<String> stranger = PeerIdentity.refusal(connected.result(), neighbour);
                if (stranger.isPresent()) {
                    refused("wrong-name", stranger.get());
                    connected.result().close();
                    backOff("its certificate does not name " + neighbour);
                } else {
                    open(connected.result());
                }
            }
        });
    }

    /**
     * The neighbour's TLS end was refused: counted each time, logged at WARN the first time in a
     * row (the link redials every few seconds) and at DEBUG after.
     */
    private void refused(String reason, String why) {
        if (failedAttempts == 0) {
            log.warn("link to {} at {} refused ({}): {}", neighbour, address, reason, why);
        } else {
            log.debug("link to {} at {} refused again ({}): {}", neighbour, address, reason, why);
        }
        mesh.countRefusal(reason);
    }

    private void open(NetSocket opened) {
        enter(State.HANDSHAKING);
        socket = opened;
        window.reset();
        PeerHandshake.Dialler dialler = handshake.dial(neighbour);
        handshakeTimer = vertx.setTimer(HANDSHAKE_TIMEOUT_MS, t -> {
            log.warn("link to {}: no answer to the hello within {} ms", neighbour, HANDSHAKE_TIMEOUT_MS);
            opened.close();
        });
        LineFramer framer = new LineFramer(LineLimits.PEER, new LineFramer.Sink() {
            @Override
            public void line(String line) {
                traffic.in(line);
                if (state == State.UP) {
                    counted.received(line);
                    mesh.answered(PeerLink.this, line);
                } else if (state == State.HANDSHAKING) {
                    answered(opened, dialler, line);
                }
            }

            @Override
            public void overlong(String head) {
                log.warn("link to {}: ignored a line longer than {} bytes", neighbour, head.length());
            }
        });
        opened.handler(buffer -> framer.feed(buffer.getBytes()));
        opened.exceptionHandler(failure -> log.debug("link to {}: {}", neighbour, failure.getMessage()));
        opened.closeHandler(v -> dropped(opened));
        opened.write(Buffer.buffer(PeerWire.encode(dialler.hello())));
    }

    private void answered(NetSocket opened, PeerHandshake.Dialler dialler, String line) {
        vertx.cancelTimer(handshakeTimer);
        PeerMessage answer = PeerWire.decode(line);
        Optional<String> refusal = dialler.refusal(answer);
        if (refusal.isPresent()) {
            log.warn("link to {} at {} refused: {}: \"{}\"", neighbour, address, refusal.get(), Reply.readable(line));
            opened.close();
            return;
        }
        dialler.proof(answer).ifPresent(proof -> opened.write(Buffer.buffer(PeerWire.encode(proof))));
        enter(State.UP);
        delay.reset();
        failedAttempts = 0;
        log.info("link to {} at {} {}", neighbour, address, everUp ? "re-opened" : "opened");
        if (everUp) {
            reopenings++;
        }
        everUp = true;
        antiEntropy.compare(this);
    }

    private void dropped(NetSocket closed) {
        vertx.cancelTimer(handshakeTimer);
        antiEntropy.closed(closed);
        socket = null;
        boolean wasUp = state == State.UP;
        // The next link-up compares the tables anyway.
        repairOwed = false;
        vertx.cancelTimer(repairTimer);
        repairTimer = -1;
        if (window.busy()) {
            vertx.cancelTimer(busyTimer);
            mesh.linkBusy(false);
        }
        window.reset();
        if (state == State.CLOSED) {
            return;
        }
        if (wasUp) {
            log.warn("link to {} dropped", neighbour);
        }
        backOff("connection closed");
    }

    private void backOff(String why) {
        long wait = delay.next();
        failedAttempts++;
        enter(State.BACKING_OFF);
        // The first failure is worth a line at INFO; the retries that follow only at DEBUG.
        if (failedAttempts == 1) {
            log.info("link to {}: {}; redialling with back-off (first in {} ms)", neighbour, why, wait);
        } else {
            log.debug("link to {}: {}; redialling in {} ms", neighbour, why, wait);
        }
        redialTimer = vertx.setTimer(wait, t -> dial());
    }

    private void enter(State next) {
        boolean nowUp = next == State.UP;
        if (nowUp != up) {
            up = nowUp;
            stateSince = Instant.now();
        }
        state = next;
    }
}
