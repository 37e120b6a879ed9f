package herd.server;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/** A member's TCP port: clients and neighbours' peer links both connect here. */
public final class ProtocolServer {

    /** PROTOCOL.md §7: the default longest line a member buffers. */
    public static final int DEFAULT_MAX_LINE_LENGTH = 8 * 1024;

    private final NetServer server;

    private ProtocolServer(NetServer server) {
        this.server = server;
    }

    public static Future<ProtocolServer> listen(Vertx vertx, String host, int port,
                                                CommandResponder responder, PeerAcceptor peers, Logger log) {
        AtomicLong connections = new AtomicLong();
        NetServer server = vertx.createNetServer(new NetServerOptions().setHost(host).setPort(port).setTcpNoDelay(true));
        server.connectHandler(socket -> {
            String id = "#" + connections.incrementAndGet() + " " + socket.remoteAddress();
            log.debug("{} connected", id);
            Connection.serve(socket, id, DEFAULT_MAX_LINE_LENGTH, responder, peers, log);
        });
        return server.listen().map(listening -> new ProtocolServer(server));
    }

    public int port() {
        return server.actualPort();
    }

    public Future<Void> close() {
        return server.close();
    }
}
