package herd.peer;

import herd.logging.MemberLog;
import herd.logging.TrafficLog;
import herd.protocol.PeerMessage;
import herd.protocol.PeerWire;
import herd.protocol.Reply;
import herd.server.LineReceiver;
import io.vertx.core.net.NetSocket;
import org.slf4j.Logger;

/**
 * A neighbour's link into this member: it carries that neighbour's updates. With a herd
 * secret it counts for nothing until the neighbour has sent its proof, which it must do within
 * {@link PeerLink#HANDSHAKE_TIMEOUT_MS}.
 */
final class InboundPeer implements LineReceiver {

    private final PeerMesh mesh;
    private final String neighbour;
    private final NetSocket socket;
    private final String connectionId;
    private final Logger log;
    private final TrafficLog.Connection traffic;
    private final Runnable authenticated;
    /** The acceptor's half of the handshake, until the neighbour has proven who it is; then null. */
    private PeerHandshake.Acceptor handshake;
    private long handshakeTimer = -1;

    /** @param authenticated run once the neighbour has proven who it is */
    InboundPeer(PeerMesh mesh, String neighbour, NetSocket socket, String connectionId,
                PeerHandshake.Acceptor handshake, Runnable authenticated, Logger log) {
        this.handshake = handshake;
        this.mesh = mesh;
        this.neighbour = neighbour;
        this.socket = socket;
        this.connectionId = connectionId;
        this.authenticated = authenticated;
        this.log = log;
        this.traffic = MemberLog.traffic(log).connection(connectionId);
    }

    /** Starts the handshake's deadline, or with no proof to wait for, counts the link as authenticated at once. */
    void start() {
        if (!handshake.awaitsProof()) {
            authenticated();
            return;
        }
        handshakeTimer = mesh.vertx().setTimer(PeerLink.HANDSHAKE_TIMEOUT_MS, t -> {
            handshakeTimer = -1;
            mesh.refused(connectionId + " link from " + neighbour, "no-proof",
                    "no proof within " + PeerLink.HANDSHAKE_TIMEOUT_MS + " ms");
            socket.close();
        });
    }

    boolean handshaking() {
        return handshake != null;
    }

    @Override
    public void line(String line) {
        if (handshake != null) {
            authenticate(line);
            return;
        }
        traffic.in(line);
        mesh.received(line);
        // Most lines of a flood are updates this member holds already: recognised by their bytes, they need no parsing.
        if (mesh.holds(line)) {
            return;
        }
        PeerMessage message = PeerWire.decode(line);
        if (message instanceof PeerMessage.Update update) {
            mesh.offer(update.report(), neighbour);
        } else if (message instanceof PeerMessage.Sync sync) {
            mesh.antiEntropy().reconcile(neighbour, socket, sync, traffic);
        } else {
            log.warn("{} from {}: ignored {}: {}", connectionId, neighbour,
                    PeerMesh.whyIgnored(message, "a link into this member"), Reply.readable(line));
        }
    }

    /** Until the neighbour proves it knows the herd secret, nothing it sends counts. */
    private void authenticate(String line) {
        if (handshake.proven(PeerWire.decode(line))) {
            mesh.vertx().cancelTimer(handshakeTimer);
            log.info("{} link from {} authenticated", connectionId, neighbour);
            authenticated();
        } else {
            mesh.refused(connectionId + " link from " + neighbour, "bad-proof", "authentication failed");
            socket.close();
        }
    }

    private void authenticated() {
        handshake = null;
        authenticated.run();
        mesh.inboundAuthenticated(neighbour);
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
        mesh.vertx().cancelTimer(handshakeTimer);
        mesh.antiEntropy().closed(socket);
        mesh.inboundClosed(neighbour, this);
        log.info("{} link from {} closed", connectionId, neighbour);
    }
}
