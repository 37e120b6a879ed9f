package herd.admin;

import herd.config.AdminConfig;
import herd.tls.ServerTls;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;

/**
 * A member's HTTP (or HTTPS) admin endpoint, on its own port: {@code GET /health} (live),
 * {@code GET /ready} (serving clients; how many links are up), {@code GET /status} (the
 * member, its table size and digest, its links, how fast updates reach it, what crossed its peer
 * links, how many traffic
 * lines its log dropped), {@code GET
 * /metrics} (Prometheus) and {@code DELETE /propagation} (start
 * the propagation figures afresh, as a benchmark does before a run; only as {@link MutatingRequests}
 * allows). Served on the member's
 * event loop, which takes the member's status there.
 */
public final class AdminServer {

    private final Vertx vertx;
    private final HttpServer server;
    private final String rule;
    private final long tlsWatch;

    private AdminServer(Vertx vertx, HttpServer server, String rule, long tlsWatch) {
        this.vertx = vertx;
        this.server = server;
        this.rule = rule;
        this.tlsWatch = tlsWatch;
    }

    /**
     * @param status      takes the member's status; called on the member's event loop, where the
     *                    endpoint is served
     * @param resetPropagation starts the propagation figures afresh
     * @param metrics     the member's meters and the JVM's, in Prometheus text format, once made
     * @param more        adds the routes served beside these (the live page)
     * @param token       what requests other than GET must bear (admin.md, Authorization), or null for none
     * @param log         where replaced certificate files are told
     */
    public static Future<AdminServer> listen(Vertx vertx, AdminConfig config, Supplier<MemberStatus> status,
                                             Runnable resetPropagation, Supplier<Optional<String>> metrics,
                                             Consumer<Router> more, String token, Logger log) {
        Router router = Router.router(vertx);
        MutatingRequests mutating = new MutatingRequests(token, config.host(), config.tls() != null);
        router.route().handler(mutating);
        router.get("/status").handler(ctx -> ctx.json(json(status.get())));
        // Live while the event loop answers at all.
        router.get("/health").handler(ctx -> ctx.json(new JsonObject().put("status", "UP")));
        // The admin port opens only after the configuration is loaded and the client port listens;
        // ready once the member has caught up with its herd (admin.md, Readiness).
        router.get("/ready").handler(ctx -> {
            MemberStatus now = status.get();
            ctx.response().setStatusCode(now.caughtUp() ? 200 : 503);
            ctx.json(new JsonObject()
                    .put("ready", now.caughtUp())
                    .put("clients", now.clients())
                    .put("linksUp", now.linksUp().size())
                    .put("links", now.links().size()));
        });
        // Written here rather than by Vert.x's PrometheusScrapingHandler, whose 5.0.10 response
        // header trips strict HTTP clients.
        router.get("/metrics").handler(ctx -> metrics.get().ifPresentOrElse(
                text -> ctx.response().putHeader("content-type", "text/plain; version=0.0.4; charset=utf-8").end(text),
                // The registry is made just after the member starts listening: a fraction of a second.
                () -> ctx.response().setStatusCode(503).putHeader("retry-after", "1").end("metrics not ready yet\n")));
        router.delete("/propagation").handler(ctx -> {
            resetPropagation.run();
            ctx.response().setStatusCode(204).end();
        });
        more.accept(router);
        ServerTls tls = config.tls() == null ? null : new ServerTls(config.tls());
        HttpServerOptions options = new HttpServerOptions().setHost(config.host()).setPort(config.port());
        HttpServer server = vertx.createHttpServer(tls == null ? options : tls.server(options)).requestHandler(router)
                // e.g. plain HTTP on the HTTPS port: the caller's affair, not worth a stack trace
                .exceptionHandler(failure -> log.debug("admin endpoint: a connection failed: {}", failure.getMessage()));
        return server.listen().map(listening -> new AdminServer(vertx, server, mutating.rule(),
                tls == null ? -1 : tls.watch(vertx, () -> server.updateSSLOptions(tls.reloaded(), true)
                        .onSuccess(done -> log.info("admin HTTPS: the certificate files changed; new connections use them"))
                        .onFailure(failure -> log.error("admin HTTPS: the changed certificate files are not usable;"
                                + " connections keep the ones before: {}", failure.getMessage())))));
    }

    /** Who may send requests other than GET, as the start-up log tells it. */
    public String mutationRule() {
        return rule;
    }

    static JsonObject json(MemberStatus status) {
        JsonObject links = new JsonObject();
        status.links().forEach((neighbour, state) -> links.put(neighbour, new JsonObject()
                .put("state", state.up() ? "up" : "down")
                .put("since", state.since().toString())
                .put("reconnects", state.reopenings())
                .put("busy", state.busy())
                .put("unsent", state.unsent())));
        return new JsonObject()
                .put("name", status.name())
                .put("clients", status.clients())
                .put("digest", status.digest())
                .put("links", links)
                .put("propagation", latency(status.propagationMicros()))
                .put("reply", reply(status.replyMicros()))
                .put("antiEntropy", new JsonObject().put("repairs", status.repairs().exchanges())
                        .put("reportsSent", status.repairs().reportsSent()))
                .put("peerTraffic", new JsonObject().put("linesIn", status.peerTraffic().linesIn())
                        .put("bytesIn", status.peerTraffic().bytesIn()).put("linesOut", status.peerTraffic().linesOut())
                        .put("bytesOut", status.peerTraffic().bytesOut()).put("repeatsIn", status.peerTraffic().repeatsIn()))
                .put("log", new JsonObject().put("writtenLines", status.writtenLogLines())
                        .put("droppedLines", status.droppedLogLines()));
    }

    private static JsonObject reply(Map<String, Histogram> byCommand) {
        JsonObject reply = new JsonObject();
        byCommand.forEach((command, micros) -> reply.put(command, latency(micros)));
        return reply;
    }

    /** Summary figures, and the whole histogram (HdrHistogram's compressed form, base64) for merging. */
    private static JsonObject latency(Histogram micros) {
        return new JsonObject()
                .put("count", micros.getTotalCount())
                .put("p50Micros", micros.getValueAtPercentile(50))
                .put("p99Micros", micros.getValueAtPercentile(99))
                .put("maxMicros", micros.getMaxValue())
                .put("histogram", HistogramText.encode(micros));
    }

    public int port() {
        return server.actualPort();
    }

    public Future<Void> close() {
        vertx.cancelTimer(tlsWatch);
        return server.close();
    }
}
