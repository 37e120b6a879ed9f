package herd.admin;

import herd.config.AdminConfig;
import herd.core.LocationTable;
import herd.logging.MemberLog;
import herd.metrics.HerdMetrics;
import herd.peer.PeerMesh;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import org.HdrHistogram.Histogram;

/**
 * A member's HTTP admin endpoint, on its own port: {@code GET /health} (live),
 * {@code GET /ready} (serving clients; how many links are up), {@code GET /status} (the
 * member, its table size and digest, its links, how fast updates reach it, how many traffic
 * lines its log dropped), {@code GET
 * /metrics} (Prometheus) and {@code DELETE /propagation} (start
 * the propagation figures afresh, as a benchmark does before a run). Served on the member's
 * event loop, so it reads the member's state without locks.
 */
public final class AdminServer {

    private final HttpServer server;

    private AdminServer(HttpServer server) {
        this.server = server;
    }

    public static Future<AdminServer> listen(Vertx vertx, AdminConfig config, String name, LocationTable table,
                                             PeerMesh mesh) {
        Router router = Router.router(vertx);
        router.get("/status").handler(ctx -> ctx.json(status(name, table, mesh)));
        // Live while the event loop answers at all.
        router.get("/health").handler(ctx -> ctx.json(new JsonObject().put("status", "UP")));
        // The admin port opens only after the configuration is loaded and the client port listens.
        router.get("/ready").handler(ctx -> ctx.json(new JsonObject()
                .put("ready", true)
                .put("linksUp", mesh.linksUp().size())
                .put("links", mesh.neighbours().size())));
        // Written here rather than by Vert.x's PrometheusScrapingHandler, whose 5.0.10 response
        // header trips strict HTTP clients.
        router.get("/metrics").handler(ctx -> ctx.response()
                .putHeader("content-type", "text/plain; version=0.0.4; charset=utf-8")
                .end(HerdMetrics.registry().scrape()));
        router.delete("/propagation").handler(ctx -> {
            mesh.propagation().reset();
            ctx.response().setStatusCode(204).end();
        });
        HttpServer server = vertx.createHttpServer().requestHandler(router);
        return server.listen(config.port(), config.host()).map(listening -> new AdminServer(server));
    }

    static JsonObject status(String name, LocationTable table, PeerMesh mesh) {
        JsonObject links = new JsonObject();
        mesh.linkStates().forEach((neighbour, state) -> links.put(neighbour, new JsonObject()
                .put("state", state.up() ? "up" : "down")
                .put("since", state.since().toString())
                .put("reconnects", state.reopenings())
                .put("busy", state.busy())
                .put("unsent", state.unsent())));
        return new JsonObject()
                .put("name", name)
                .put("clients", table.size())
                .put("digest", table.digest())
                .put("links", links)
                .put("propagation", propagation(mesh.propagation().snapshot()))
                .put("log", new JsonObject().put("droppedLines", MemberLog.traffic(name).droppedLines()));
    }

    /** Summary figures, and the whole histogram (HdrHistogram's compressed form, base64) for merging. */
    private static JsonObject propagation(Histogram micros) {
        ByteBuffer encoded = ByteBuffer.allocate(micros.getNeededByteBufferCapacity());
        int length = micros.encodeIntoCompressedByteBuffer(encoded);
        return new JsonObject()
                .put("count", micros.getTotalCount())
                .put("p50Micros", micros.getValueAtPercentile(50))
                .put("p99Micros", micros.getValueAtPercentile(99))
                .put("maxMicros", micros.getMaxValue())
                .put("histogram", Base64.getEncoder().encodeToString(Arrays.copyOf(encoded.array(), length)));
    }

    public int port() {
        return server.actualPort();
    }

    public Future<Void> close() {
        return server.close();
    }
}
