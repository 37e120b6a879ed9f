package herd.server;

import herd.protocol.PeerMessage;
import io.vertx.core.net.NetSocket;
import java.util.Optional;

/** Takes over connections that open with a peer hello. */
public interface PeerAcceptor {

    /**
     * @param hello the connection's first line, a peer hello
     * @param authenticated run once the neighbour has proven who it is (at once when links are
     *                      not authenticated): only then is the connection a peer link rather
     *                      than a client's
     * @return the receiver for the rest of the connection, or empty if the hello does not
     *         come from a neighbour able to authenticate, which the acceptor logs (the line is
     *         then treated as a client's invalid command, or on a peer port the connection closed)
     */
    Optional<LineReceiver> accept(PeerMessage.Hello hello, NetSocket socket, String connectionId, Runnable authenticated);

    /**
     * A connection to the peer port did not open with a hello (security.md, Refusals); it is closed.
     *
     * @param reason a short word for the refusal's meter
     */
    default void refusedBeforeHello(String connectionId, String reason, String why) {
    }

    /** A connection failed before it was accepted: on a TLS port, a refused TLS handshake. */
    default void failedBeforeConnecting(Throwable failure) {
    }
}
