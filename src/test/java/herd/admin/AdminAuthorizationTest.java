package herd.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import herd.config.AdminConfig;
import herd.testing.FreePorts;
import herd.testing.TestCa;
import io.vertx.core.Vertx;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import io.vertx.core.buffer.Buffer;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The admin endpoint over real HTTPS with the test authority's certificate, and who may send it
 * requests other than GET (admin.md, Authorization).
 */
@ExtendWith(VertxExtension.class)
class AdminAuthorizationTest {

    private static final String TOKEN = "0123456789abcdef-admin";

    private final AtomicInteger resets = new AtomicInteger();
    private Vertx vertx;
    private TestCa ca;
    private WebClient https;

    @BeforeEach
    void start(Vertx vertx, @TempDir Path dir) {
        this.vertx = vertx;
        ca = TestCa.create(dir, "herd");
        https = WebClient.create(vertx, new WebClientOptions().setSsl(true)
                .setTrustOptions(new PemTrustOptions().addCertPath(ca.caFile().toString())));
    }

    private AdminServer listen(String host, boolean tls, String token) {
        AdminConfig config = new AdminConfig(host, FreePorts.next(), tls ? ca.server("Clark") : null);
        return AdminServer.listen(vertx, config, () -> {
            throw new IllegalStateException("no status here");
        }, resets::incrementAndGet, Optional::empty, router -> { }, token, LoggerFactory.getLogger("test")).await();
    }

    private HttpResponse<Buffer> reset(WebClient client, AdminServer admin, String authorization) {
        var request = client.delete(admin.port(), "127.0.0.1", "/propagation");
        if (authorization != null) {
            request.putHeader("Authorization", authorization);
        }
        return request.send().await();
    }

    @Test
    void theRightTokenOverHttpsResetsTheFigures() {
        AdminServer admin = listen("127.0.0.1", true, TOKEN);
        assertEquals(204, reset(https, admin, "Bearer " + TOKEN).statusCode());
        assertEquals(1, resets.get());
        assertEquals(200, https.get(admin.port(), "127.0.0.1", "/health").send().await().statusCode());
        admin.close().await();
    }

    @Test
    void aWrongOrMissingTokenIsUnauthorizedAndChangesNothing() {
        AdminServer admin = listen("127.0.0.1", true, TOKEN);
        for (String authorization : new String[] {null, "Bearer " + TOKEN + "x", "Bearer", "Basic " + TOKEN}) {
            HttpResponse<Buffer> refused = reset(https, admin, authorization);
            assertEquals(401, refused.statusCode(), authorization);
            assertEquals("Bearer realm=\"herd admin\"", refused.getHeader("WWW-Authenticate"));
        }
        assertEquals(0, resets.get());
        assertEquals("requests other than GET need the admin token", admin.mutationRule());
        admin.close().await();
    }

    @Test
    void withoutATokenOnlyALoopbackEndpointTakesMutatingRequests() {
        WebClient http = WebClient.create(vertx);
        AdminServer loopback = listen("127.0.0.1", false, null);
        assertEquals(204, reset(http, loopback, null).statusCode());
        AdminServer everywhere = listen("0.0.0.0", false, null);
        assertEquals(403, reset(http, everywhere, null).statusCode());
        assertEquals(200, http.get(everywhere.port(), "127.0.0.1", "/health").send().await().statusCode());
        assertEquals(1, resets.get());
        assertTrue(loopback.mutationRule().contains("let through, from this machine only"), loopback.mutationRule());
        assertTrue(everywhere.mutationRule().contains("refused (set HERD_ADMIN_TOKEN"), everywhere.mutationRule());
        assertTrue(listen("0.0.0.0", false, TOKEN).mutationRule().endsWith("in clear text (no admin.tls)"));
        loopback.close().await();
        everywhere.close().await();
    }

    @Test
    void plainHttpIsNotServedOnAnHttpsEndpoint() {
        AdminServer admin = listen("127.0.0.1", true, TOKEN);
        assertThrows(Exception.class, () -> WebClient.create(vertx).get(admin.port(), "127.0.0.1", "/health").send()
                .await());
        admin.close().await();
    }
}
