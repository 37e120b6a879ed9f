package herd.member;

import herd.admin.MemberStatus;
import herd.core.LocationTable;
import herd.logging.TrafficLog;
import herd.peer.PeerMesh;
import herd.places.PlacesProvider;
import io.vertx.core.Vertx;

/**
 * Takes a member's {@link MemberStatus} on its event loop, which owns the state it reads, and
 * publishes it for other threads: gauges read the latest one (refreshed every
 * {@link #INTERVAL_MS} ms, more often than any scrape), {@code /status} takes a fresh one.
 */
final class StatusPublisher {

    static final long INTERVAL_MS = 1000;

    private final String name;
    private final LocationTable table;
    private final PeerMesh mesh;
    private final PlacesProvider places;
    private final TrafficLog log;
    private final ReplyLatency replyLatency;
    private volatile MemberStatus latest;
    private long timer = -1;

    StatusPublisher(String name, LocationTable table, PeerMesh mesh, PlacesProvider places, TrafficLog log,
                    ReplyLatency replyLatency) {
        this.name = name;
        this.table = table;
        this.mesh = mesh;
        this.places = places;
        this.log = log;
        this.replyLatency = replyLatency;
        this.latest = take();
    }

    /** A status of this moment, published too. On the member's event loop only. */
    MemberStatus take() {
        MemberStatus status = new MemberStatus(name, table.size(), table.digest(), mesh.linkStates(),
                mesh.propagation().snapshot(), replyLatency.snapshot(), mesh.repairs(), mesh.traffic(),
                places.cacheHits(), log.droppedLines(), mesh.caughtUp());
        latest = status;
        return status;
    }

    /** The status last taken; any thread. */
    MemberStatus latest() {
        return latest;
    }

    /** Publishes every {@link #INTERVAL_MS} ms from the calling event loop until {@link #stop}. */
    void start(Vertx vertx) {
        timer = vertx.setPeriodic(INTERVAL_MS, id -> take());
    }

    void stop(Vertx vertx) {
        vertx.cancelTimer(timer);
    }
}
