package herd.member;

import herd.config.ConfigSource;
import herd.config.MemberConfig;
import herd.peer.PeerMesh;
import herd.peer.PeerTls;
import herd.server.ClientLimits;
import herd.server.CommandResponder;
import herd.server.PortRole;
import herd.server.ProtocolServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import org.slf4j.Logger;

/**
 * A member's protocol ports: one for clients and peers alike, or a client port and a peer port
 * (security.md, Peer port), the peer port with mutual TLS if configured. A member with TLS takes
 * replaced certificate files for its new links (security.md, Rotation).
 */
final class MemberPorts {

    private final ProtocolServer clients;
    /** Null when peers share the client port. */
    private final ProtocolServer peers;
    private final Vertx vertx;
    private long tlsWatch = -1;

    private MemberPorts(Vertx vertx, ProtocolServer clients, ProtocolServer peers) {
        this.vertx = vertx;
        this.clients = clients;
        this.peers = peers;
    }

    /** @param tls the peer port's TLS, or null for plain TCP */
    static Future<MemberPorts> listen(Vertx vertx, MemberConfig config, ConfigSource source, ClientLimits limits,
                                      CommandResponder responder, PeerMesh mesh, PeerTls tls, Logger log) {
        PortRole clientRole = config.hasPeerPort() ? PortRole.CLIENTS : PortRole.SHARED;
        Future<ProtocolServer> clients = ProtocolServer.listen(vertx, ProtocolServer.at(config.host(), config.port()),
                        clientRole, limits, responder, mesh, log)
                .recover(failure -> Future.failedFuture(Member.bindProblem(failure, source, "port", config.host(),
                        config.port())));
        if (!config.hasPeerPort()) {
            return clients.map(server -> new MemberPorts(vertx, server, null));
        }
        return clients.compose(clientServer -> {
            var at = ProtocolServer.at(config.host(), config.peerPort());
            return ProtocolServer.listen(vertx, tls == null ? at : tls.server(at), PortRole.PEERS, limits, responder, mesh,
                            log)
                    .map(peerServer -> new MemberPorts(vertx, clientServer, peerServer))
                    .recover(failure -> clientServer.close().compose(closed -> Future.failedFuture(Member.bindProblem(
                            failure, source, "peerPort", config.host(), config.peerPort()))));
        });
    }

    /** Watches the certificate files: new links, dialled or accepted, use the files as they are now. */
    void reloadTls(PeerTls tls, PeerMesh mesh, Logger log) {
        tlsWatch = tls.watch(vertx, () -> Future.join(peers.updateSSLOptions(tls.serverReloaded()), mesh.reloadTls(tls))
                .onSuccess(done -> log.info("peer TLS: the certificate files changed; new links use them"))
                .onFailure(failure -> log.error("peer TLS: the changed certificate files are not usable; links keep"
                        + " the ones before: {}", failure.getMessage())));
    }

    void holdClients(boolean hold) {
        clients.holdClients(hold);
    }

    int clientPort() {
        return clients.port();
    }

    /** The peer port, or the shared port. */
    int peerPort() {
        return peers == null ? clients.port() : peers.port();
    }

    /** Stops both ports gracefully (see {@link ProtocolServer#shutdown}). */
    Future<Void> shutdown(Duration grace) {
        vertx.cancelTimer(tlsWatch);
        return peers == null ? clients.shutdown(grace)
                : Future.join(clients.shutdown(grace), peers.shutdown(grace)).mapEmpty();
    }

    Future<Void> close() {
        vertx.cancelTimer(tlsWatch);
        return peers == null ? clients.close() : Future.join(clients.close(), peers.close()).mapEmpty();
    }
}
