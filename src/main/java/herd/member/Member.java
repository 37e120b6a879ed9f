package herd.member;

import herd.config.ConfigSource;
import herd.config.MemberConfig;
import herd.core.LocationTable;
import herd.logging.MemberLog;
import herd.peer.PeerMesh;
import herd.places.PlacesProvider;
import herd.places.PlacesProviders;
import herd.server.ProtocolServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.BindException;
import java.time.Clock;
import org.slf4j.Logger;

/** One running herd member: its table, its port, its links and its places provider. */
public final class Member {

    private final MemberConfig config;
    private final LocationTable table;
    private final PeerMesh mesh;
    private final PlacesProvider places;
    private final ProtocolServer server;
    private final Logger log;

    private Member(MemberConfig config, LocationTable table, PeerMesh mesh, PlacesProvider places,
                   ProtocolServer server, Logger log) {
        this.config = config;
        this.table = table;
        this.mesh = mesh;
        this.places = places;
        this.server = server;
        this.log = log;
    }

    /**
     * @param source where the configuration came from and the path to this member in it, for
     *               messages such as "port in use" (e.g. {@code conf/herd.json: servers[3].})
     * @param apiKey the Places API key, or null
     */
    public static Future<Member> start(Vertx vertx, MemberConfig config, ConfigSource source, String apiKey) {
        Logger log = MemberLog.open(config.name(), config.logFile());
        LocationTable table = new LocationTable();
        PeerMesh mesh = new PeerMesh(vertx, config.name(), config.neighbours(), table, log);
        PlacesProvider places = PlacesProviders.create(vertx, config.places(), apiKey, log);
        Responder responder = new Responder(config.name(), table, places, report -> mesh.offer(report, null),
                Clock.systemUTC());
        return ProtocolServer.listen(vertx, config.host(), config.port(), responder, mesh, log)
                .recover(failure -> {
                    MemberLog.close(config.name());
                    return Future.failedFuture(failure instanceof BindException
                            ? source.problem("port", config.port() + " on " + config.host() + " is already in use")
                            : failure);
                })
                .map(server -> {
                    mesh.start();
                    log.info("{} listening on {}:{}, neighbours {}", config.name(), config.host(), server.port(),
                            config.neighbours().keySet());
                    return new Member(config, table, mesh, places, server, log);
                });
    }

    public String name() {
        return config.name();
    }

    public int port() {
        return server.port();
    }

    public LocationTable table() {
        return table;
    }

    public PeerMesh mesh() {
        return mesh;
    }

    public Future<Void> stop() {
        return Future.join(server.close(), mesh.close(), places.close())
                .onComplete(done -> {
                    log.info("{} stopped", config.name());
                    MemberLog.close(config.name());
                })
                .mapEmpty();
    }
}
