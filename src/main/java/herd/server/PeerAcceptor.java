package herd.server;

import io.vertx.core.net.NetSocket;
import java.util.Optional;

/** Takes over connections that open with a peer hello. */
public interface PeerAcceptor {

    /**
     * @param name the member the hello line names
     * @return the receiver for the rest of the connection, or empty if {@code name} is not a
     *         neighbour (the line is then treated as a client's invalid command)
     */
    Optional<LineReceiver> accept(String name, NetSocket socket, String connectionId);
}
