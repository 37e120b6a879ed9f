package herd.peer;

import herd.core.LineCursor;
import herd.core.LocationTable;
import herd.logging.TrafficLog;
import herd.protocol.PeerMessage;
import herd.protocol.PeerWire;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import java.time.Duration;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * Anti-entropy (protocol.md, Anti-entropy): the dialler of a link sends its bucket digests when
 * the link comes up, once a link that lagged has kept up for {@link #REPAIR_DELAY}, and every sync
 * interval on a quiet link; the acceptor answers with its lines of the buckets that differ and
 * names those buckets, for which the dialler sends its own lines. Reports that win flood on as
 * usual.
 *
 * <p>Lines cross the wire as the table holds them, in chunks of {@link #CHUNK_BYTES} written
 * only while the socket keeps up, so an exchange costs a chunk of memory whatever the size of
 * the table. Owned by the member's event loop.
 */
final class AntiEntropy {

    /** How long a link must have carried no update before a periodic comparison runs on it. */
    static final Duration QUIET_BEFORE_SYNC = Duration.ofSeconds(2);
    /**
     * How long a link that caught up must keep up before the tables are compared. Under lasting
     * overload it lags again and again, and comparing tables in flux resends whole buckets:
     * that repair waits until the overload is over.
     */
    static final Duration REPAIR_DELAY = Duration.ofSeconds(5);
    static final int CHUNK_BYTES = 64 * 1024;

    private final Vertx vertx;
    private final LocationTable table;
    private final Duration syncInterval;
    private final PeerTraffic counted;
    private final Logger log;
    /** Sockets an exchange is being written on: one at a time each, since it owns their drain handler. */
    private final Set<NetSocket> streaming = new HashSet<>();
    private final FirstExchange firstExchange;
    /** While catching up: the link whose comparison brings the table, and the links that compare after it. */
    private PeerLink catchingUpFrom;
    private final Set<PeerLink> deferred = new LinkedHashSet<>();
    private long syncTimer = -1;
    /** Exchanges in which this member found buckets that differed, and reports it sent to repair them. */
    private long repairs;
    private long reportsSent;

    AntiEntropy(Vertx vertx, LocationTable table, Duration syncInterval, PeerTraffic counted,
                FirstExchange firstExchange, Logger log) {
        this.vertx = vertx;
        this.counted = counted;
        this.table = table;
        this.syncInterval = syncInterval;
        this.firstExchange = firstExchange;
        this.log = log;
        firstExchange.whenOver(this::compareDeferred);
    }

    /**
     * Compares tables every sync interval over each link that is up and quiet: while updates
     * stream over a link the two tables are in flux and every bucket may differ for a moment,
     * and comparing then would resend whole tables. Link-ups always compare.
     */
    void start(Supplier<Collection<PeerLink>> links) {
        syncTimer = vertx.setPeriodic(syncInterval.toMillis(), t -> links.get().stream()
                .filter(link -> link.isUp() && link.quietFor(QUIET_BEFORE_SYNC)).forEach(this::compare));
    }

    void stop() {
        vertx.cancelTimer(syncTimer);
    }

    /**
     * The dialler's opening: this member's bucket digests. While the member catches up (protocol.md,
     * Catching up) it compares over one link at a time, and over the others once caught up.
     */
    void compare(PeerLink link) {
        if (!firstExchange.over()) {
            if (catchingUpFrom != null && catchingUpFrom != link && catchingUpFrom.isUp()) {
                deferred.add(link);
                return;
            }
            catchingUpFrom = link;
        }
        link.send(PeerWire.encode(new PeerMessage.Sync(table.bucketDigests())));
    }

    private void compareDeferred() {
        catchingUpFrom = null;
        List<PeerLink> waiting = List.copyOf(deferred);
        deferred.clear();
        waiting.stream().filter(PeerLink::isUp).forEach(this::compare);
    }

    /** Compares the tables once {@code link}, which lagged, has kept up for {@link #REPAIR_DELAY}; returns the timer. */
    long repairLater(PeerLink link) {
        return vertx.setTimer(REPAIR_DELAY.toMillis(), t -> {
            if (link.isUp()) {
                log.info("link to {} has kept up for {} ms since it lagged: comparing tables", link.neighbour(),
                        REPAIR_DELAY.toMillis());
                compare(link);
            }
        });
    }

    /** The acceptor's answer to a neighbour's digests: its lines of the buckets that differ, then their numbers. */
    void reconcile(String neighbour, NetSocket socket, PeerMessage.Sync theirs, TrafficLog.Connection traffic) {
        if (!firstExchange.over()) {
            // Catching up: the table comes in the first exchange this member dials; naming no bucket spares
            // this neighbour sending it too, and the comparison dialled to it once caught up repairs the rest.
            log.debug("anti-entropy with {}: catching up, asks for nothing yet", neighbour);
            endAnswer(socket, traffic, new BitSet(LocationTable.BUCKETS));
            return;
        }
        long[] ours = table.bucketDigests();
        BitSet differ = new BitSet(LocationTable.BUCKETS);
        for (int i = 0; i < ours.length; i++) {
            if (ours[i] != theirs.digests()[i]) {
                differ.set(i);
            }
        }
        if (differ.isEmpty()) {
            log.debug("anti-entropy with {}: tables equal", neighbour);
            // Naming no bucket tells the dialler the exchange is over (its readiness may wait for that).
            endAnswer(socket, traffic, differ);
            return;
        }
        repairs++;
        stream(socket, traffic, differ, "anti-entropy with " + neighbour).onSuccess(lines -> {
            endAnswer(socket, traffic, differ);
            log.info("anti-entropy with {}: {} buckets differ; sent {} reports", neighbour, differ.cardinality(), lines);
        });
    }

    /** The last line of an answer: the buckets the acceptor wants back. */
    private void endAnswer(NetSocket socket, TrafficLog.Connection traffic, BitSet differ) {
        byte[] need = PeerWire.encode(new PeerMessage.SyncNeed(differ));
        traffic.out(need);
        counted.sent(1, need.length);
        socket.write(Buffer.buffer(need));
    }

    /** The dialler's answer to the buckets the neighbour named (none when the tables were equal): its own lines of them. */
    void need(PeerLink link, PeerMessage.SyncNeed need) {
        if (need.buckets().isEmpty()) {
            return;
        }
        link.socketForRepair().ifPresent(socket -> stream(socket, link.traffic(), need.buckets(),
                "anti-entropy with " + link.neighbour())
                .onSuccess(lines -> log.info("anti-entropy with {}: sent {} reports it needed", link.neighbour(), lines)));
    }

    /**
     * Writes the held lines of {@code buckets} a chunk at a time, each chunk once the socket has
     * room; completes with the number of lines. Fails if an exchange is already being written on
     * the socket (the next comparison repeats this one), and stops if the socket closes.
     */
    private Future<Integer> stream(NetSocket socket, TrafficLog.Connection traffic, BitSet buckets, String what) {
        if (!streaming.add(socket)) {
            log.debug("{}: an exchange is still being written; this one waits for the next comparison", what);
            return Future.failedFuture(what + ": busy");
        }
        Promise<Integer> done = Promise.promise();
        pump(socket, traffic, table.linesIn(buckets), done);
        return done.future();
    }

    private void pump(NetSocket socket, TrafficLog.Connection traffic, LineCursor cursor, Promise<Integer> done) {
        while (streaming.contains(socket) && !socket.writeQueueFull()) {
            int linesBefore = cursor.lines();
            byte[] chunk = cursor.next(CHUNK_BYTES);
            if (chunk == null) {
                socket.drainHandler(null);
                streaming.remove(socket);
                reportsSent += cursor.lines();
                done.complete(cursor.lines());
                return;
            }
            traffic.out(chunk);
            counted.sent(cursor.lines() - linesBefore, chunk.length);
            socket.write(Buffer.buffer(chunk));
        }
        if (streaming.contains(socket)) {
            socket.drainHandler(drained -> pump(socket, traffic, cursor, done));
        } else {
            done.tryFail("the link closed");
        }
    }

    PeerMesh.Repairs repairs() {
        return new PeerMesh.Repairs(repairs, reportsSent);
    }

    /** The socket closed: an exchange being written on it stops. */
    void closed(NetSocket socket) {
        streaming.remove(socket);
    }
}
