package herd.admin;

import herd.config.PeerAddress;
import herd.core.LocationTable;
import herd.peer.PeerMesh;
import herd.protocol.LogText;
import herd.protocol.Reply;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The live page of the herd on the admin endpoint (live-page.md): the page and its assets at
 * {@code /}, from the jar; its event stream at {@code /live/events}; and {@code /live/whatsat},
 * which asks this member WHATSAT as a client would and answers with JSON.
 */
public final class LivePage {

    /** Where the page's files are on the class path. */
    static final String WEB_ROOT = "herd/web";

    private final LiveFeed feed;
    private final Function<String, Future<Reply>> commands;

    /**
     * @param herdAdmin the herd's admin endpoints by member name (configuration.md, herdAdmin)
     * @param asking    how to ask them: HTTPS where this member's own endpoint is (live-page.md, Finding the herd)
     * @param status    takes this member's status, on its event loop
     * @param commands  answers a client command line as the client port does
     */
    public LivePage(Vertx vertx, String self, Map<String, PeerAddress> herdAdmin, WebClientOptions asking,
                    Supplier<MemberStatus> status, PeerMesh mesh, LocationTable table,
                    Function<String, Future<Reply>> commands) {
        this.feed = new LiveFeed(vertx, self, herdAdmin, asking, status, mesh, table);
        this.commands = commands;
    }

    /** Adds the page's routes; after the endpoint's own, which the page's files cannot shadow. */
    public void mount(Router router) {
        router.get("/live/events").handler(feed::watch);
        router.get("/live/whatsat").handler(this::whatsAt);
        router.get().handler(StaticHandler.create(WEB_ROOT));
    }

    /** {@code ?client=ID&radius=KM&max=N}: {@code {"at", "places"}}, or 400 with {@code {"error"}} where a client gets {@code ?}. */
    private void whatsAt(RoutingContext ctx) {
        String client = ctx.request().getParam("client", "");
        if (client.isEmpty() || client.codePoints().anyMatch(Character::isWhitespace)) {
            refuse(ctx, "a client ID is one word, not \"" + client + "\"");
            return;
        }
        String line = "WHATSAT " + wire(client) + " " + ctx.request().getParam("radius", "") + " "
                + ctx.request().getParam("max", "");
        commands.apply(line).onComplete(answered -> {
            if (answered.failed()) {
                refuse(ctx, String.valueOf(answered.cause().getMessage()));
            } else if (answered.result().json() == null) {
                refuse(ctx, LogText.of(answered.result().line()));
            } else {
                ctx.json(new JsonObject().put("at", LogText.of(answered.result().line()))
                        .put("places", new JsonObject(answered.result().json())));
            }
        });
    }

    private static void refuse(RoutingContext ctx, String why) {
        ctx.response().setStatusCode(400).putHeader("content-type", "application/json")
                .end(new JsonObject().put("error", why).encode());
    }

    /** Text as a client sends it: its UTF-8 bytes, a char per byte (protocol.md, Framing). */
    private static String wire(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    /** Ends the pages' event streams. */
    public void close() {
        feed.close();
    }
}
