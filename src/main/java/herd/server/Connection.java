package herd.server;

import herd.protocol.LineFramer;
import herd.protocol.LineLimits;
import herd.protocol.PeerMessage;
import herd.protocol.PeerWire;
import herd.protocol.Reply;
import herd.protocol.TlsHello;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import java.util.Optional;

/**
 * An accepted connection, before and after it is known what it is: its first line decides
 * whether it may become a peer link (a hello from a neighbour) or is a client. It is a peer
 * link only once the neighbour has authenticated; until then it counts against the member's
 * client limit and keeps the client's idle time-out and line limit, so that a hello alone buys
 * nothing.
 */
final class Connection implements LineFramer.Sink {

    private final NetSocket socket;
    private final String id;
    private final ProtocolServer server;
    private final IdleTimeout idle;
    private final LineFramer framer;
    private FairReader reader;
    private ClientSession client;
    /** The peer link the connection was handed to after a hello, authenticated or not yet. */
    private LineReceiver peer;
    private boolean authenticatedPeer;
    /** The peer port refused the connection: the lines that came with the refused one are not read. */
    private boolean refused;
    private boolean bytesArrived;

    Connection(NetSocket socket, String id, ProtocolServer server) {
        this.socket = socket;
        this.id = id;
        this.server = server;
        this.idle = new IdleTimeout(server.vertx(), server.limits().idleTimeout(), this::idled);
        this.framer = new LineFramer(server.limits().maxLineLength(), this);
    }

    void serve() {
        reader = new FairReader(socket, framer, this::admit, () -> receiver().inputEnded());
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

    /**
     * Bytes arrived: a plain port closes a connection that opens with a TLS handshake, which would
     * otherwise wait for a line end that never comes (security.md, Refusals).
     */
    private boolean admit(Buffer bytes) {
        idle.touch();
        if (!bytesArrived) {
            bytesArrived = true;
            if (!server.tls() && TlsHello.opens(bytes.getByte(0), bytes.length() > 1 ? bytes.getByte(1) : -1)) {
                refused = true;
                server.tlsOnPlainPort(id);
                socket.close();
            }
        }
        return !refused;
    }

    /** The member started or stopped holding its clients. */
    void clientsHeldChanged() {
        if (client != null) {
            client.updateReading();
        }
    }

    /** Whether the connection is an authenticated peer link, which is not a client. */
    boolean isPeer() {
        return authenticatedPeer;
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
        if (refused) {
            return;
        }
        if (peer == null && client == null && server.role() != PortRole.CLIENTS) {
            Optional<LineReceiver> link = acceptPeer(line);
            if (link.isPresent()) {
                peer = link.get();
                return;
            }
            if (server.role() == PortRole.PEERS) {
                refused = true;
                socket.close(); // the peer port serves no client
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
        if (!(PeerWire.decode(firstLine) instanceof PeerMessage.Hello hello)) {
            if (server.role() == PortRole.PEERS) {
                server.peers().refusedBeforeHello(id, "not-hello", "it did not open with a peer hello: "
                        + Reply.readable(firstLine));
            }
            return Optional.empty();
        }
        return server.peers().accept(hello, socket, id, this::authenticated);
    }

    /** The neighbour proved who it is: from now on this is a peer link, with the peer wire's line limit. */
    private void authenticated() {
        authenticatedPeer = true;
        idle.stop();
        framer.maxLength(LineLimits.PEER);
        reader.peerShare();
        server.becamePeer(this);
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
