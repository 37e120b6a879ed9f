package herd.member;

import herd.admin.MemberStatus;
import herd.core.LocationTable;
import herd.logging.TrafficLog;
import herd.peer.PeerMesh;
import herd.places.PlacesProvider;
import io.vertx.core.Vertx;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Takes a member's {@link MemberStatus} on its event loop, which owns the state it reads, and
 * publishes it for other threads: gauges read the latest one (its counts refreshed every
 * {@link #INTERVAL_MS} ms, more often than any scrape), {@code /status} takes a fresh one.
 * The refresh leaves the latency histograms as the last full take had them: no gauge reads
 * them, and copying them every second was most of what an idle member allocated (scale.md,
 * Where the tail comes from).
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

    /** A status of this moment, latency figures included, published too. On the member's event loop only. */
    MemberStatus take() {
        return publish(mesh.propagation().snapshot(), replyLatency.snapshot());
    }

    /** The status last published; any thread. */
    MemberStatus latest() {
        return latest;
    }

    /** Refreshes the counts every {@link #INTERVAL_MS} ms from the calling event loop until {@link #stop}. */
    void start(Vertx vertx) {
        timer = vertx.setPeriodic(INTERVAL_MS, id -> publish(latest.propagationMicros(), latest.replyMicros()));
    }

    void stop(Vertx vertx) {
        vertx.cancelTimer(timer);
    }

    private MemberStatus publish(Histogram propagation, Map<String, Histogram> reply) {
        MemberStatus status = new MemberStatus(name, table.size(), table.digest(), mesh.linkStates(), propagation,
                reply, mesh.repairs(), mesh.traffic(), places.cacheHits(), log.writtenLines(), log.droppedLines(),
                mesh.caughtUp());
        latest = status;
        return status;
    }
}
