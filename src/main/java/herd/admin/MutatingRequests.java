package herd.admin;

import herd.config.LoopbackHost;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Who may send the admin endpoint a request that changes something (any method but GET and HEAD;
 * admin.md, Authorization): with an admin token, only a request bearing it; without one, anyone
 * only if the endpoint listens on loopback, else no one.
 */
final class MutatingRequests implements Handler<RoutingContext> {

    /** Without a token, mutating requests are refused or, on loopback, let through. */
    private final byte[] tokenDigest;
    private final boolean loopback;
    private final boolean https;

    /** @param token the admin token, or null for none */
    MutatingRequests(String token, String host, boolean https) {
        this.tokenDigest = token == null ? null : sha256(token);
        this.loopback = LoopbackHost.is(host);
        this.https = https;
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        if (method == HttpMethod.GET || method == HttpMethod.HEAD) {
            ctx.next();
        } else if (tokenDigest != null) {
            if (bears(ctx.request().getHeader("authorization"))) {
                ctx.next();
            } else {
                ctx.response().setStatusCode(401).putHeader("www-authenticate", "Bearer realm=\"herd admin\"")
                        .end("a token is required: Authorization: Bearer <HERD_ADMIN_TOKEN>\n");
            }
        } else if (loopback) {
            ctx.next();
        } else {
            ctx.response().setStatusCode(403)
                    .end("refused: no admin token is set, and this endpoint is not on loopback only\n");
        }
    }

    /** Compared as SHA-256 digests, in constant time: neither the token's bytes nor its length show in the timing. */
    private boolean bears(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(tokenDigest, sha256(authorization.substring(7).strip()));
    }

    /** The rule in force, for the start-up log. */
    String rule() {
        if (tokenDigest != null) {
            return "requests other than GET need the admin token" + (https || loopback ? ""
                    : "; it crosses the network in clear text (no admin.tls)");
        }
        return loopback ? "no admin token: requests other than GET are let through, from this machine only (loopback)"
                : "no admin token: requests other than GET are refused (set HERD_ADMIN_TOKEN to allow them)";
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
