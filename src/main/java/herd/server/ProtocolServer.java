package herd.server;

import herd.tls.TlsRefusal;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.ServerSSLOptions;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * A member's TCP port: clients, neighbours' peer links or both connect here ({@link PortRole}). It keeps every
 * open connection, so that it can hold the number of clients to the limit and, when the
 * member stops, let each client have the replies it is owed.
 *
 * <p>All of it runs on the event loop of the member that listens.
 */
public final class ProtocolServer {

    private static final long REFUSAL_WARNING_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Vertx vertx;
    private final NetServer server;
    private final ClientLimits limits;
    private final CommandResponder responder;
    private final PeerAcceptor peers;
    private final PortRole role;
    private final boolean tls;
    private final Logger log;
    private final Set<Connection> open = new HashSet<>();
    private final ClientCount clients;
    private long accepted;
    private int refusedSinceWarning;
    private long lastRefusalWarning = System.nanoTime() - REFUSAL_WARNING_INTERVAL_NANOS;
    private boolean stopping;
    private boolean clientsHeld;

    private ProtocolServer(Vertx vertx, NetServer server, PortRole role, boolean tls, ClientLimits limits,
                           ClientCount clients, CommandResponder responder, PeerAcceptor peers, Logger log) {
        this.vertx = vertx;
        this.clients = clients;
        this.role = role;
        this.tls = tls;
        this.server = server;
        this.limits = limits;
        this.responder = responder;
        this.peers = peers;
        this.log = log;
    }

    /**
     * @param options where to listen, and TLS if any: TCP_NODELAY is added
     * @param clients the member's client connections, on this port and its others
     */
    public static Future<ProtocolServer> listen(Vertx vertx, NetServerOptions options, PortRole role, ClientLimits limits,
                                                ClientCount clients, CommandResponder responder, PeerAcceptor peers,
                                                Logger log) {
        NetServer server = vertx.createNetServer(new NetServerOptions(options).setTcpNoDelay(true));
        ProtocolServer protocolServer = new ProtocolServer(vertx, server, role, options.isSsl(), limits, clients,
                responder, peers, log);
        server.connectHandler(protocolServer::connected);
        // Failures before a connection is handed over: on a TLS port, refused handshakes.
        server.exceptionHandler(protocolServer::failedBeforeConnecting);
        return server.listen().map(listening -> protocolServer);
    }

    /** Plain TCP on {@code host:port}. */
    public static NetServerOptions at(String host, int port) {
        return new NetServerOptions().setHost(host).setPort(port);
    }

    private void connected(NetSocket socket) {
        if (stopping) {
            socket.close(); // accepted just before the port closed
            return;
        }
        if (clients.reached(limits.maxClients())) {
            refuse(socket);
            return;
        }
        String id = "#" + ++accepted + " " + socket.remoteAddress();
        log.debug("{} connected", id);
        Connection connection = new Connection(socket, id, this);
        open.add(connection);
        clients.add();
        connection.serve();
    }

    /**
     * A handshake on a TLS port failed, so no connection was handed over: on the peer port a refusal
     * (security.md, Refusals); on the client port a client that does not speak TLS, which is its own
     * affair, told once at INFO.
     */
    private void failedBeforeConnecting(Throwable failure) {
        if (role == PortRole.PEERS) {
            peers.failedBeforeConnecting(failure);
        } else if (TlsRefusal.isTls(failure)) {
            log.info("a connection to the TLS client port {} closed ({}): {}", port(), TlsRefusal.reason(failure),
                    TlsRefusal.describe(failure));
        } else {
            log.debug("a connection to the TLS client port {} failed: {}", port(), failure.getMessage());
        }
    }

    /** A connection to this plain port opened with a TLS handshake; it is being closed. */
    void tlsOnPlainPort(String connectionId) {
        String why = "it opened with a TLS handshake, and port " + port() + " is plain TCP";
        if (role == PortRole.PEERS) {
            peers.refusedBeforeHello(connectionId, "tls-on-plain", why);
        } else {
            log.info("{} closed: {}", connectionId, why);
        }
    }

    boolean tls() {
        return tls;
    }

    /** Closes a connection past the client limit; warns at most once a second, with how many since. */
    private void refuse(NetSocket socket) {
        socket.close();
        refusedSinceWarning++;
        long now = System.nanoTime();
        if (now - lastRefusalWarning >= REFUSAL_WARNING_INTERVAL_NANOS) {
            log.warn("refused {} connection(s): already {} clients (maxClients)", refusedSinceWarning,
                    clients.count());
            refusedSinceWarning = 0;
            lastRefusalWarning = now;
        }
    }

    /**
     * Stops or resumes reading every client: while the member's updates cannot be flooded as
     * fast as its clients send them, they wait in the clients' sockets rather than in memory.
     */
    public void holdClients(boolean hold) {
        if (hold != clientsHeld) {
            clientsHeld = hold;
            log.debug("{} reading clients: peer links {}", hold ? "stopped" : "resumed", hold ? "busy" : "caught up");
            open.forEach(Connection::clientsHeldChanged);
        }
    }

    boolean clientsHeld() {
        return clientsHeld;
    }

    void becamePeer(Connection connection) {
        clients.remove();
    }

    void closed(Connection connection) {
        if (open.remove(connection) && !connection.isPeer()) {
            clients.remove();
        }
    }

    Vertx vertx() {
        return vertx;
    }

    ClientLimits limits() {
        return limits;
    }

    CommandResponder responder() {
        return responder;
    }

    PeerAcceptor peers() {
        return peers;
    }

    PortRole role() {
        return role;
    }

    /** New connections use {@code options} from now on (certificate files replaced: security.md, Rotation). */
    public Future<Boolean> updateSSLOptions(ServerSSLOptions options) {
        return server.updateSSLOptions(options, true);
    }

    Logger log() {
        return log;
    }

    public int port() {
        return server.actualPort();
    }

    /**
     * Stops accepting connections, ends every peer link, and lets every client have the replies
     * it is owed, then the end of the stream; whatever is still open after {@code grace} is closed.
     * Completes when every connection is closed.
     */
    public Future<Void> shutdown(Duration grace) {
        stopping = true;
        List.copyOf(open).forEach(Connection::shutdown);
        return server.shutdown(grace.toMillis(), TimeUnit.MILLISECONDS);
    }

    public Future<Void> close() {
        return server.close();
    }
}
