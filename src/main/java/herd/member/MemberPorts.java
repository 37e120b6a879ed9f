package herd.member;

import herd.config.ConfigSource;
import herd.config.MemberConfig;
import herd.peer.PeerMesh;
import herd.peer.PeerTls;
import herd.server.ClientCount;
import herd.server.ClientLimits;
import herd.server.CommandResponder;
import herd.server.PortRole;
import herd.server.ProtocolServer;
import herd.tls.ServerTls;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServerOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.slf4j.Logger;

/**
 * A member's protocol ports: a plain client port, a TLS client port (security.md, Client TLS) or
 * both, and a peer port when neighbours do not share the plain client port (security.md, Peer port),
 * with mutual TLS if configured. A member with TLS takes replaced certificate files for its new
 * connections (security.md, Rotation).
 */
final class MemberPorts {

    /** Null when there is no plain client port. */
    private final ProtocolServer plainClients;
    /** Null when there is no TLS client port. */
    private final ProtocolServer tlsClients;
    /** Null when peers share the plain client port. */
    private final ProtocolServer peers;
    private final Vertx vertx;
    private final List<Long> tlsWatches = new ArrayList<>();

    private MemberPorts(Vertx vertx, ProtocolServer plainClients, ProtocolServer tlsClients, ProtocolServer peers) {
        this.vertx = vertx;
        this.plainClients = plainClients;
        this.tlsClients = tlsClients;
        this.peers = peers;
    }

    /**
     * @param tls       the peer port's TLS, or null for plain TCP
     * @param clientTls the TLS client port's, or null for none
     */
    static Future<MemberPorts> listen(Vertx vertx, MemberConfig config, ConfigSource source, ClientLimits limits,
                                      CommandResponder responder, PeerMesh mesh, PeerTls tls, ServerTls clientTls,
                                      Logger log) {
        List<ProtocolServer> opened = new ArrayList<>();
        ClientCount clients = new ClientCount();
        Future<ProtocolServer> plain = config.hasPlainPort()
                ? port(vertx, config, source, "port", config.port(), config.hasPeerPort() ? PortRole.CLIENTS
                        : PortRole.SHARED, Function.identity(), limits, clients, responder, mesh, log, opened)
                : Future.succeededFuture();
        Future<ProtocolServer> secure = plain.compose(done -> clientTls == null ? Future.succeededFuture()
                : port(vertx, config, source, "clientTls.port", config.clientTls().port(), PortRole.CLIENTS, clientTls::server,
                        limits, clients, responder, mesh, log, opened));
        Future<ProtocolServer> peer = secure.compose(done -> !config.hasPeerPort() ? Future.succeededFuture()
                : port(vertx, config, source, "peerPort", config.peerPort(), PortRole.PEERS,
                        tls == null ? Function.identity() : tls::server, limits, clients, responder, mesh, log, opened));
        return peer.map(done -> new MemberPorts(vertx, plain.result(), secure.result(), peer.result()))
                .recover(failure -> Future.join(opened.stream().map(ProtocolServer::close).toList())
                        .transform(closed -> Future.failedFuture(failure)));
    }

    private static Future<ProtocolServer> port(Vertx vertx, MemberConfig config, ConfigSource source, String field,
                                               int port, PortRole role, Function<NetServerOptions, NetServerOptions> tls,
                                               ClientLimits limits, ClientCount clients, CommandResponder responder,
                                               PeerMesh mesh, Logger log, List<ProtocolServer> opened) {
        return ProtocolServer.listen(vertx, tls.apply(ProtocolServer.at(config.host(), port)), role, limits, clients,
                        responder, mesh, log)
                .onSuccess(opened::add)
                .recover(failure -> Future.failedFuture(Member.bindProblem(failure, source, field, config.host(), port)));
    }

    /** Watches the peer port's certificate files: new links, dialled or accepted, use the files as they are now. */
    void reloadPeerTls(PeerTls tls, PeerMesh mesh, Logger log) {
        tlsWatches.add(tls.watch(vertx, () -> Future.join(peers.updateSSLOptions(tls.serverReloaded()), mesh.reloadTls(tls))
                .onSuccess(done -> log.info("peer TLS: the certificate files changed; new links use them"))
                .onFailure(failure -> log.error("peer TLS: the changed certificate files are not usable; links keep"
                        + " the ones before: {}", failure.getMessage()))));
    }

    /** Watches the TLS client port's certificate files: new connections use the files as they are now. */
    void reloadClientTls(ServerTls tls, Logger log) {
        tlsWatches.add(tls.watch(vertx, () -> tlsClients.updateSSLOptions(tls.reloaded())
                .onSuccess(done -> log.info("client TLS: the certificate files changed; new connections use them"))
                .onFailure(failure -> log.error("client TLS: the changed certificate files are not usable; connections"
                        + " keep the ones before: {}", failure.getMessage()))));
    }

    void holdClients(boolean hold) {
        clientPorts().forEach(port -> port.holdClients(hold));
    }

    /** The plain client port, or 0 for none. */
    int plainClientPort() {
        return plainClients == null ? 0 : plainClients.port();
    }

    /** The TLS client port, or 0 for none. */
    int tlsClientPort() {
        return tlsClients == null ? 0 : tlsClients.port();
    }

    /** The peer port, or the shared port. */
    int peerPort() {
        return peers == null ? plainClients.port() : peers.port();
    }

    /** Stops every port gracefully (see {@link ProtocolServer#shutdown}). */
    Future<Void> shutdown(Duration grace) {
        tlsWatches.forEach(vertx::cancelTimer);
        return Future.join(all().map(port -> port.shutdown(grace)).toList()).mapEmpty();
    }

    Future<Void> close() {
        tlsWatches.forEach(vertx::cancelTimer);
        return Future.join(all().map(ProtocolServer::close).toList()).mapEmpty();
    }

    private Stream<ProtocolServer> clientPorts() {
        return Stream.of(plainClients, tlsClients).filter(port -> port != null);
    }

    private Stream<ProtocolServer> all() {
        return Stream.concat(clientPorts(), Stream.ofNullable(peers));
    }
}
