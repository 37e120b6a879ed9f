package herd.peer;

import herd.core.Report;
import herd.logging.MemberLog;
import herd.logging.TrafficLog;
import herd.protocol.PeerWire;
import herd.protocol.Reply;
import herd.server.LineReceiver;
import io.vertx.core.net.NetSocket;
import java.util.Optional;
import org.slf4j.Logger;

/** A neighbour's link into this member: it carries that neighbour's updates. */
final class InboundPeer implements LineReceiver {

    private final PeerMesh mesh;
    private final String neighbour;
    private final NetSocket socket;
    private final String connectionId;
    private final Logger log;
    private final TrafficLog.Connection traffic;
    /** The proof the neighbour must send before anything else; null once it has (or when links are not authenticated). */
    private String expectedProof;

    InboundPeer(PeerMesh mesh, String neighbour, NetSocket socket, String connectionId, String expectedProof,
                Logger log) {
        this.expectedProof = expectedProof;
        this.mesh = mesh;
        this.neighbour = neighbour;
        this.socket = socket;
        this.connectionId = connectionId;
        this.log = log;
        this.traffic = MemberLog.traffic(log).connection(connectionId);
    }

    @Override
    public void line(String line) {
        if (expectedProof != null) {
            authenticate(line);
            return;
        }
        traffic.in(line);
        if (line.startsWith(PeerWire.SYNC)) {
            mesh.reconcile(neighbour, socket, line, traffic);
            return;
        }
        if (mesh.holds(line)) {
            return;
        }
        Optional<Report> update = PeerWire.parseUpdate(line);
        if (update.isEmpty()) {
            log.warn("{} from {}: ignored a malformed update: {}", connectionId, neighbour, Reply.readable(line));
            return;
        }
        mesh.offer(update.get(), neighbour);
    }

    /** Until the neighbour proves it knows the herd secret, nothing it sends counts. */
    private void authenticate(String line) {
        if (PeerAuth.matches(expectedProof, PeerWire.parseAuth(line).orElse(null))) {
            expectedProof = null;
            log.info("{} link from {} authenticated", connectionId, neighbour);
        } else {
            log.warn("{} refused the link from {}: authentication failed", connectionId, neighbour);
            socket.close();
        }
    }

    @Override
    public void overlong(String head) {
        log.warn("{} from {}: ignored an update longer than {} bytes", connectionId, neighbour, head.length());
    }

    @Override
    public void inputEnded() {
        socket.close();
    }

    /** The neighbour was removed from the configuration. */
    void close() {
        socket.close();
    }

    @Override
    public void closed() {
        mesh.inboundClosed(neighbour, this);
        log.info("{} link from {} closed", connectionId, neighbour);
    }
}
