package herd.member;

import herd.admin.AdminServer;
import herd.admin.LivePage;
import herd.admin.MemberStatus;
import herd.config.ConfigException;
import herd.config.ConfigSource;
import herd.config.MemberConfig;
import herd.core.LocationTable;
import herd.logging.MemberLog;
import herd.metrics.HerdMetrics;
import herd.metrics.MemberMeters;
import herd.peer.NeighbourChange;
import herd.peer.PeerAuth;
import herd.peer.PeerMesh;
import herd.peer.PeerTls;
import herd.places.MeteredPlacesProvider;
import herd.places.PlacesProvider;
import herd.places.PlacesProviders;
import herd.protocol.CommandParser;
import herd.protocol.LineLimits;
import herd.server.ClientLimits;
import herd.tls.ServerTls;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.core.Vertx;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;

/** One running herd member: its table, its port, its links and its places provider. */
public final class Member {

    /** What makes the member the member its clients and neighbours know. */
    private static final Set<String> IDENTITY_FIELDS = Set.of("name", "host", "port");

    private final MemberConfig config;
    private final LocationTable table;
    private final PeerMesh mesh;
    private final PlacesProvider places;
    private final MemberPorts server;
    private final AdminServer admin;
    private final LivePage livePage;
    private final MemberMeters meters;
    private final StatusPublisher status;
    private final Logger log;
    /** The member's event loop, where it starts and stops. */
    private final Context context;

    private Member(MemberConfig config, LocationTable table, PeerMesh mesh, PlacesProvider places,
                   MemberPorts server, AdminServer admin, LivePage livePage, MemberMeters meters,
                   StatusPublisher status, Logger log, Context context) {
        this.context = context;
        this.config = config;
        this.table = table;
        this.mesh = mesh;
        this.places = places;
        this.server = server;
        this.admin = admin;
        this.livePage = livePage;
        this.meters = meters;
        this.status = status;
        this.log = log;
    }

    /**
     * @param source where the configuration came from and the path to this member in it, for
     *               messages such as "port in use" (e.g. {@code conf/herd.json: servers[3].})
     * @param secrets the Places API key and the herd secret
     */
    public static Future<Member> start(Vertx vertx, MemberConfig config, ConfigSource source, Secrets secrets) {
        PeerAuth auth;
        String adminToken;
        try {
            auth = secrets.peerAuth();
            adminToken = secrets.checkedAdminToken();
        } catch (ConfigException e) {
            return Future.failedFuture(e);
        }
        Context context = vertx.getOrCreateContext(); // the member's verticle's: futures below may complete elsewhere
        Logger log;
        try {
            log = MemberLog.open(config.name(), config.logFile(), config.logTraffic(), config.log());
        } catch (IllegalStateException | UncheckedIOException e) {
            return Future.failedFuture(source.problem("logFile", e.getMessage()));
        }
        LocationTable table = new LocationTable();
        Clock clock = Clock.systemUTC();
        MemberMeters meters = new MemberMeters(config.name());
        PeerTls tls = config.peerTls() == null ? null : new PeerTls(config.peerTls());
        PeerMesh mesh = new PeerMesh(vertx, config.name(), config.neighbours(), table, clock,
                config.syncInterval(), auth, tls,
                meters.propagation()::record, log);
        mesh.onRefused(meters::peerRefused);
        PlacesProvider places = new MeteredPlacesProvider(
                PlacesProviders.create(vertx, config.places(), secrets.placesApiKey(), log), meters,
                config.places().provider().fileName());
        ReplyLatency replyLatency = new ReplyLatency(Responder.IAMAT, Responder.WHATSAT);
        StatusPublisher status = new StatusPublisher(config.name(), table, mesh, places, MemberLog.traffic(log),
                replyLatency);
        register(meters, status, mesh);
        Responder responder = new Responder(config.name(), table, places, report -> mesh.offer(report, null), clock,
                meters, replyLatency);
        ServerTls clientTls = config.clientTls() == null ? null : new ServerTls(config.clientTls().certificate());
        Future<MemberPorts> listening = MemberPorts.listen(vertx, config, source, clientLimits(config), responder, mesh,
                tls, clientTls, log);
        LivePage livePage = new LivePage(vertx, config.name(), config.herdAdmin(), askingTheHerd(config), status::take,
                mesh, table,
                line -> responder.respond(CommandParser.parse(line), line));
        // The log file opens on its writer's thread meanwhile (MemberLog): a member without its log does not run.
        Future<Void> logOpened = Future.fromCompletionStage(MemberLog.traffic(log).opened(), context)
                .recover(failure -> Future.failedFuture(source.problem("logFile", failure.getMessage())));
        Future<AdminServer> admin = listening.compose(server -> logOpened
                .compose(opened -> startAdmin(vertx, config, source, status, mesh, meters, livePage, adminToken, log))
                .recover(failure -> server.close().compose(closed -> Future.failedFuture(failure))));
        return admin
                .onFailure(failure -> {
                    livePage.close();
                    places.close();
                    meters.remove();
                    MemberLog.close(config.name());
                })
                .map(adminServer -> {
                    mesh.onBusy(listening.result()::holdClients);
                    mesh.start();
                    if (tls != null) {
                        listening.result().reloadPeerTls(tls, mesh, log);
                    }
                    if (clientTls != null) {
                        listening.result().reloadClientTls(clientTls, log);
                    }
                    status.start(vertx);
                    log.info("{} listening on {}:{}{}, neighbours {}{}", config.name(), config.host(),
                            config.clientPorts(), config.hasPeerPort() ? ", peers on " + config.peerPort()
                                    + (tls == null ? "" : " (mutual TLS)") : "",
                            config.neighbours().keySet(), config.admin() == null ? "" : ", admin on "
                                    + config.admin().port() + (config.admin().tls() == null ? "" : " (HTTPS)"));
                    if (!auth.enabled() && tls == null) {
                        log.warn("{}: peer links are not authenticated ({} is not set): any process that reaches port {}"
                                + " can claim to be a neighbour and change the table", config.name(),
                                Secrets.HERD_SECRET_VARIABLE, listening.result().peerPort());
                    }
                    places.prepare();
                    // Made on a thread of its own (see HerdMetrics), once clients can connect.
                    Future.fromCompletionStage(HerdMetrics.ready(), context).onSuccess(meters::export);
                    return new Member(config, table, mesh, places, listening.result(), adminServer, livePage, meters,
                            status, log, context);
                });
    }

    /** The gauges read the published status: a scrape may come on any thread. */
    private static void register(MemberMeters meters, StatusPublisher status, PeerMesh mesh) {
        meters.clients(() -> status.latest().clients());
        meters.tableDigest(() -> status.latest().digest());
        meters.placesCacheHits(() -> status.latest().placesCacheHits());
        meters.logLines(() -> status.latest().writtenLogLines(), () -> status.latest().droppedLogLines());
        meters.antiEntropy(() -> status.latest().repairs().exchanges(), () -> status.latest().repairs().reportsSent());
        meters.peerTraffic(() -> status.latest().peerTraffic());
        mesh.neighbours().forEach(neighbour -> meterLink(meters, status, neighbour));
    }

    private static void meterLink(MemberMeters meters, StatusPublisher status, String neighbour) {
        meters.link(neighbour, () -> status.latest().links().get(neighbour));
    }

    private static ClientLimits clientLimits(MemberConfig config) {
        return new ClientLimits(LineLimits.CLIENT, config.maxPendingReplies(),
                config.clientIdleTimeout(), config.maxClients());
    }

    /**
     * How the live page asks the herd's admin endpoints: over HTTPS where this member's own is, trusting the
     * herd's CA where peer links have one (live-page.md, Finding the herd).
     */
    private static WebClientOptions askingTheHerd(MemberConfig config) {
        WebClientOptions options = new WebClientOptions();
        if (config.admin() != null && config.admin().tls() != null) {
            options.setSsl(true);
            if (config.peerTls() != null) {
                options.setTrustOptions(new PemTrustOptions().addCertPath(config.peerTls().ca()));
            }
        }
        return options;
    }

    private static Future<AdminServer> startAdmin(Vertx vertx, MemberConfig config, ConfigSource source,
                                                  StatusPublisher status, PeerMesh mesh, MemberMeters meters,
                                                  LivePage livePage, String adminToken, Logger log) {
        if (config.admin() == null) {
            return Future.succeededFuture();
        }
        return AdminServer.listen(vertx, config.admin(), status::take, mesh.propagation()::reset, meters::scrape,
                        livePage::mount, adminToken, log)
                .onSuccess(admin -> log.info("{} admin endpoint: {}", config.name(), admin.mutationRule()))
                .recover(failure -> Future.failedFuture(
                bindProblem(failure, source, "admin.port", config.admin().host(), config.admin().port())));
    }

    static Throwable bindProblem(Throwable failure, ConfigSource source, String field, String host, int port) {
        return failure instanceof BindException ? source.problem(field, port + " on " + host + " is already in use") : failure;
    }

    public String name() {
        return config.name();
    }

    /**
     * Applies an edited configuration while the member runs: neighbours are added, removed and
     * re-addressed at once; a new name, host or port is refused (the member would be another
     * member, or its clients would lose it); other fields wait for a restart, and the log says so.
     *
     * @param source where the edited configuration came from, for the log lines
     */
    public void reconfigure(MemberConfig next, String source) {
        List<String> changed = config.fieldsDifferingFrom(next);
        List<String> fixed = changed.stream().filter(IDENTITY_FIELDS::contains).toList();
        if (!fixed.isEmpty()) {
            log.error("{}: refused the edited configuration of {}: {} cannot change while it runs (restart it for"
                    + " that); it keeps running as it was", source, config.name(), String.join(", ", fixed));
            HerdMetrics.configReloadFailed();
            return;
        }
        NeighbourChange change = mesh.reconfigure(next.neighbours());
        change.removed().forEach(meters::unlink);
        change.added().forEach(neighbour -> meterLink(meters, status, neighbour));
        status.take();
        List<String> later = changed.stream().filter(field -> !field.equals("neighbours")).toList();
        if (!later.isEmpty()) {
            log.warn("{}: {} changed for {}; that takes effect when it restarts", source, String.join(", ", later),
                    config.name());
        }
        if (!change.none()) {
            log.info("{}: {} now has neighbours {}", source, config.name(), mesh.neighbours());
        }
    }

    /** The plain client port, or 0 for none. */
    public int port() {
        return server.plainClientPort();
    }

    /** The TLS client port, or 0 for none. */
    public int tlsPort() {
        return server.tlsClientPort();
    }

    public LocationTable table() {
        return table;
    }

    public PeerMesh mesh() {
        return mesh;
    }

    /** The member's status of this moment, taken on its event loop; any thread may ask. */
    public Future<MemberStatus> status() {
        Promise<MemberStatus> taken = Promise.promise();
        context.runOnContext(v -> taken.complete(status.take()));
        return taken.future();
    }

    /**
     * Stops gracefully: no new connections; clients get the replies they are owed (WHATSATs
     * still need the places provider and may flood nothing, IAMATs may still flood), within
     * the grace period; then the peer links, the provider and the log close (every line written).
     */
    public Future<Void> stop() {
        log.info("{} stopping: owed replies get up to {} ms", config.name(), config.shutdownGrace().toMillis());
        Future<Void> clientsDone = onLoop(server.shutdown(config.shutdownGrace()))
                .eventually(() -> Future.join(mesh.close(), places.close()));
        status.stop(context.owner());
        livePage.close();
        return onLoop(Future.join(clientsDone, admin == null ? Future.succeededFuture() : admin.close()))
                .eventually(() -> {
                    log.info("{} stopped", config.name());
                    meters.remove();
                    return Future.fromCompletionStage(MemberLog.close(config.name()), context);
                })
                .mapEmpty();
    }

    /**
     * The outcome of {@code future}, delivered on the member's event loop: Vert.x completes a
     * server's closing on its acceptor thread, and what the member does next (closing its peer
     * links, whose batches may hold lines already acknowledged) belongs on the loop that owns it.
     */
    private <T> Future<T> onLoop(Future<T> future) {
        Promise<T> delivered = Promise.promise();
        future.onComplete(result -> context.runOnContext(v -> delivered.handle(result)));
        return delivered.future();
    }
}
