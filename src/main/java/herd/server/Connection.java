package herd.server;

import herd.protocol.LineFramer;
import herd.protocol.PeerWire;
import herd.protocol.Reply;
import io.vertx.core.net.NetSocket;
import java.util.Optional;
import org.slf4j.Logger;

/**
 * An accepted connection, before and after it is known what it is: its first line decides
 * whether it is a peer link (a hello from a neighbour) or a client.
 */
final class Connection implements LineFramer.Sink {

    private final NetSocket socket;
    private final String id;
    private final CommandResponder responder;
    private final PeerAcceptor peers;
    private final Logger log;
    private LineReceiver receiver;

    private Connection(NetSocket socket, String id, CommandResponder responder, PeerAcceptor peers, Logger log) {
        this.socket = socket;
        this.id = id;
        this.responder = responder;
        this.peers = peers;
        this.log = log;
    }

    static void serve(NetSocket socket, String id, int maxLineLength,
                      CommandResponder responder, PeerAcceptor peers, Logger log) {
        Connection connection = new Connection(socket, id, responder, peers, log);
        LineFramer framer = new LineFramer(maxLineLength, connection);
        socket.handler(buffer -> framer.feed(buffer.getBytes()));
        HalfClose.allow(socket, () -> {
            framer.finish();
            connection.receiver().inputEnded();
        });
        socket.exceptionHandler(failure -> log.debug("{} connection error: {}", id, failure.getMessage()));
        socket.closeHandler(closed -> {
            log.debug("{} closed", id);
            connection.receiver().closed();
        });
    }

    @Override
    public void line(String line) {
        if (receiver == null) {
            Optional<LineReceiver> peer = acceptPeer(line);
            if (peer.isPresent()) {
                receiver = peer.get();
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
        Optional<String> peerName = PeerWire.helloName(firstLine);
        if (peerName.isEmpty()) {
            return Optional.empty();
        }
        Optional<LineReceiver> link = peers.accept(peerName.get(), socket, id);
        if (link.isEmpty()) {
            log.warn("{} refused a peer link: {} is not a neighbour", id, Reply.readable(peerName.get()));
        }
        return link;
    }

    private LineReceiver receiver() {
        if (receiver == null) {
            receiver = new ClientSession(socket, id, responder, log);
        }
        return receiver;
    }
}
