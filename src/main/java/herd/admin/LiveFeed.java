package herd.admin;

import herd.config.PeerAddress;
import herd.core.LocationTable;
import herd.core.Report;
import herd.peer.PeerMesh;
import herd.protocol.LogText;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The live page's event stream (Server-Sent Events, live-page.md): once a second the status of
 * every member of the herd, and every {@value #LOCATIONS_MS} ms the client locations this member
 * stored since, at most {@value #BATCH} of them. Owned by the member's event loop.
 *
 * <p>It costs the member nothing while no one watches: only the first watcher starts the timers
 * and asks the member's mesh to tell it each report stored, and the last one to leave stops them.
 * While someone watches, each report costs a place in a bounded queue, and a watcher whose
 * connection cannot keep up misses events rather than have them pile up in the member.
 */
final class LiveFeed {

    static final long STATUS_MS = 1000;
    static final long LOCATIONS_MS = 200;
    /** The most locations one event carries; the latest are kept. */
    static final int BATCH = 250;
    /** How many of the table's clients a new watcher is shown first. */
    static final int SAMPLE = 500;
    static final int MAX_WATCHERS = 16;
    /** Shorter than a status round, so rounds never overlap. */
    private static final long ASK_TIMEOUT_MS = 800;

    private final Vertx vertx;
    private final String self;
    private final Map<String, PeerAddress> herdAdmin;
    private final WebClientOptions clientOptions;
    private final Supplier<MemberStatus> status;
    private final PeerMesh mesh;
    private final LocationTable table;
    /** Made when the first page watches: a member no one watches holds no client. */
    private WebClient http;
    private final List<HttpServerResponse> watchers = new ArrayList<>();
    private final ArrayDeque<Report> stored = new ArrayDeque<>();
    private long missed;
    private long statusTimer;
    private long locationsTimer;
    private boolean asking;

    /** @param herdAdmin where to ask the herd's members for their status; this member is asked directly */
    LiveFeed(Vertx vertx, String self, Map<String, PeerAddress> herdAdmin, WebClientOptions asking,
             Supplier<MemberStatus> status, PeerMesh mesh, LocationTable table) {
        this.vertx = vertx;
        this.self = self;
        this.herdAdmin = herdAdmin;
        this.clientOptions = asking;
        this.status = status;
        this.mesh = mesh;
        this.table = table;
    }

    void watch(RoutingContext ctx) {
        HttpServerResponse response = ctx.response();
        if (watchers.size() >= MAX_WATCHERS) {
            response.setStatusCode(503).putHeader("retry-after", "5").end(MAX_WATCHERS + " pages already watch\n");
            return;
        }
        response.setChunked(true)
                .putHeader("content-type", "text/event-stream")
                .putHeader("cache-control", "no-cache");
        response.closeHandler(closed -> leave(response));
        watchers.add(response);
        send(response, "locations", locations(table.sample(SAMPLE), false, 0));
        if (watchers.size() == 1) {
            if (http == null) {
                http = WebClient.create(vertx, clientOptions);
            }
            mesh.onStored(this::stored);
            statusTimer = vertx.setPeriodic(STATUS_MS, id -> askHerd());
            locationsTimer = vertx.setPeriodic(LOCATIONS_MS, id -> sendLocations());
        }
        askHerd();
    }

    private void leave(HttpServerResponse response) {
        if (watchers.remove(response) && watchers.isEmpty()) {
            mesh.onStored(null);
            vertx.cancelTimer(statusTimer);
            vertx.cancelTimer(locationsTimer);
            stored.clear();
            missed = 0;
        }
    }

    /** How many pages watch now. */
    int watchers() {
        return watchers.size();
    }

    private void stored(Report report) {
        if (stored.size() == BATCH) {
            stored.removeFirst();
            missed++;
        }
        stored.addLast(report);
    }

    private void sendLocations() {
        if (stored.isEmpty()) {
            return;
        }
        String event = locations(stored, true, missed);
        stored.clear();
        missed = 0;
        watchers.forEach(watcher -> send(watcher, "locations", event));
    }

    /**
     * @param arrived whether the reports just arrived (the page marks them), rather than a sample of the table
     * @param missed  reports that arrived since the last event and are not in this one
     */
    static String locations(Iterable<Report> reports, boolean arrived, long missed) {
        JsonArray batch = new JsonArray();
        for (Report report : reports) {
            batch.add(new JsonObject()
                    .put("client", LogText.of(report.clientId()))
                    .put("lat", report.location().latitude().doubleValue())
                    .put("lon", report.location().longitude().doubleValue())
                    .put("origin", report.origin())
                    .put("time", report.time().text()));
        }
        return new JsonObject().put("arrived", arrived).put("missed", missed).put("reports", batch).encode();
    }

    /** Asks every member for its status and sends the herd's to the watchers; one round at a time. */
    private void askHerd() {
        if (asking) {
            return;
        }
        asking = true;
        List<Future<JsonObject>> answers = new ArrayList<>();
        answers.add(Future.succeededFuture(reachable(AdminServer.json(status.get()))));
        herdAdmin.forEach((name, address) -> {
            if (!name.equals(self)) {
                answers.add(ask(name, address));
            }
        });
        Future.join(answers).onComplete(all -> {
            asking = false;
            JsonArray members = new JsonArray();
            answers.forEach(answer -> members.add(answer.result()));
            String event = new JsonObject().put("self", self).put("percentiles", LatencyCurve.percentiles())
                    .put("members", members).encode();
            watchers.forEach(watcher -> send(watcher, "status", event));
        });
    }

    private Future<JsonObject> ask(String name, PeerAddress address) {
        return http.get(address.port(), address.host(), "/status").timeout(ASK_TIMEOUT_MS).send()
                .map(answer -> answer.statusCode() == 200 ? reachable(answer.bodyAsJsonObject())
                        : unreachable(name, "HTTP " + answer.statusCode()))
                .otherwise(failure -> unreachable(name, String.valueOf(failure.getMessage())));
    }

    /** A member's status as the page shows it: its latency histograms as percentile curves. */
    static JsonObject reachable(JsonObject status) {
        LatencyCurve.replaceHistogram(status.getJsonObject("propagation"));
        JsonObject reply = status.getJsonObject("reply", new JsonObject());
        reply.fieldNames().forEach(command -> LatencyCurve.replaceHistogram(reply.getJsonObject(command)));
        return new JsonObject().put("name", status.getString("name")).put("reachable", true).put("status", status);
    }

    private static JsonObject unreachable(String name, String why) {
        return new JsonObject().put("name", name).put("reachable", false).put("error", why);
    }

    /** An event to one watcher, unless its connection is still sending earlier ones. */
    private static void send(HttpServerResponse watcher, String event, String data) {
        if (!watcher.writeQueueFull() && !watcher.closed()) {
            watcher.write(Buffer.buffer("event: " + event + "\ndata: " + data + "\n\n"));
        }
    }

    void close() {
        List.copyOf(watchers).forEach(HttpServerResponse::reset);
        if (http != null) {
            http.close();
        }
    }
}
