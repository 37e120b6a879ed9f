package herd.server;

import herd.protocol.LineFramer;
import herd.protocol.PeerWire;
import herd.protocol.Reply;
import io.vertx.core.net.NetSocket;
import java.util.Optional;

/**
 * An accepted connection, before and after it is known what it is: its first line decides
 * whether it is a peer link (a hello from a neighbour) or a client. Only clients are subject
 * to the idle time-out and count against the member's client limit.
 */
final class Connection implements LineFramer.Sink {

    private final NetSocket socket;
    private final String id;
    private final ProtocolServer server;
    private final IdleTimeout idle;
    private FairReader reader;
    private ClientSession client;
    private LineReceiver peer;

    Connection(NetSocket socket, String id, ProtocolServer server) {
        this.socket = socket;
        this.id = id;
        this.server = server;
        this.idle = new IdleTimeout(server.vertx(), server.limits().idleTimeout(), this::idled);
    }

    void serve() {
        LineFramer framer = new LineFramer(server.limits().maxLineLength(), this);
        reader = new FairReader(socket, framer, idle::touch, () -> receiver().inputEnded());
        socket.exceptionHandler(failure -> server.log().debug("{} connection error: {}", id, failure.getMessage()));
        socket.closeHandler(closed -> {
            server.log().debug("{} closed", id);
            idle.stop();
            reader.closed();
            if (peer != null) {
                peer.closed();
            } else if (client != null) {
                client.closed();
            }
            server.closed(this);
        });
        idle.start();
    }

    /** The member started or stopped holding its clients. */
    void clientsHeldChanged() {
        if (client != null) {
            client.updateReading();
        }
    }

    boolean isPeer() {
        return peer != null;
    }

    /** The member is stopping: a client gets the replies it is owed, then the end of the stream; a peer link just ends. */
    void shutdown() {
        if (peer != null) {
            socket.close();
        } else {
            receiver().inputEnded();
        }
    }

    @Override
    public void line(String line) {
        if (peer == null && client == null) {
            Optional<LineReceiver> link = acceptPeer(line);
            if (link.isPresent()) {
                peer = link.get();
                reader.peerShare();
                idle.stop();
                server.becamePeer(this);
                return;
            }
        }
        receiver().line(line);
    }

    @Override
    public void overlong(String head) {
        receiver().overlong(head);
    }

    private Optional<LineReceiver> acceptPeer(String firstLine) {
        Optional<PeerWire.Hello> hello = PeerWire.parseHello(firstLine);
        if (hello.isEmpty()) {
            return Optional.empty();
        }
        Optional<LineReceiver> link = server.peers().accept(hello.get(), socket, id);
        if (link.isEmpty()) {
            server.log().warn("{} refused a peer link from {}: not a neighbour, or not authenticated", id,
                    Reply.readable(hello.get().name()));
        }
        return link;
    }

    /** A client that owes nothing and sent nothing for the time-out is closed; one still owed replies is given time. */
    private void idled() {
        if (client != null && client.owesReplies()) {
            idle.start();
            return;
        }
        server.log().info("{} closed: idle for {}", id, server.limits().idleTimeout());
        socket.close();
    }

    private LineReceiver receiver() {
        if (peer != null) {
            return peer;
        }
        if (client == null) {
            client = new ClientSession(socket, reader, id, server.responder(), server.limits().maxPendingReplies(),
                    server::clientsHeld, server.log());
        }
        return client;
    }
}
