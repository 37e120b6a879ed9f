package herd.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Configurations as the files that {@link HerdConfigParser} reads (configuration.md). A member
 * object holds its name, port and neighbours and every other field only where it differs from the
 * default, as a person would write it; reading it back gives the same configuration.
 */
public final class ConfigJson {

    private ConfigJson() {
    }

    /** A herd file: {@code {"servers": [...]}}. */
    public static JsonObject herd(HerdConfig herd) {
        JsonArray servers = new JsonArray();
        herd.members().forEach(member -> servers.add(member(member)));
        return new JsonObject().put("servers", servers);
    }

    /** A member file, or one member of a herd file. */
    public static JsonObject member(MemberConfig c) {
        JsonObject json = new JsonObject().put("name", c.name());
        unlessDefault(json, "host", c.host(), MemberConfig.DEFAULT_HOST);
        if (c.hasPlainPort()) {
            json.put("port", c.port());
        }
        json.put("neighbours", addresses(c.neighbours()));
        if (!c.places().equals(PlacesConfig.DEFAULTS)) {
            json.put("places", places(c.places()));
        }
        unlessDefault(json, "logFile", c.logFile(), MemberConfig.defaultLogFile(c.name()));
        unlessDefault(json, "logTraffic", c.logTraffic(), MemberConfig.DEFAULT_LOG_TRAFFIC);
        if (c.admin() != null) {
            JsonObject admin = new JsonObject();
            unlessDefault(admin, "host", c.admin().host(), AdminConfig.DEFAULT_HOST);
            admin.put("port", c.admin().port());
            if (c.admin().tls() != null) {
                admin.put("tls", serverTls(new JsonObject(), c.admin().tls()));
            }
            json.put("admin", admin);
        }
        unlessDefault(json, "shutdownGraceMs", millis(c.shutdownGrace()), millis(MemberConfig.DEFAULT_SHUTDOWN_GRACE));
        unlessDefault(json, "maxPendingReplies", c.maxPendingReplies(), MemberConfig.DEFAULT_MAX_PENDING_REPLIES);
        unlessDefault(json, "clientIdleTimeoutSeconds", seconds(c.clientIdleTimeout()),
                seconds(MemberConfig.DEFAULT_CLIENT_IDLE_TIMEOUT));
        unlessDefault(json, "maxClients", c.maxClients(), MemberConfig.DEFAULT_MAX_CLIENTS);
        unlessDefault(json, "syncIntervalSeconds", seconds(c.syncInterval()),
                seconds(MemberConfig.DEFAULT_SYNC_INTERVAL));
        if (!c.log().equals(LogConfig.DEFAULTS)) {
            json.put("log", log(c.log()));
        }
        if (c.hasPeerPort()) {
            json.put("peerPort", c.peerPort());
        }
        if (c.peerTls() != null) {
            json.put("peerTls", peerTls(c.peerTls()));
        }
        if (c.clientTls() != null) {
            json.put("clientTls", serverTls(new JsonObject().put("port", c.clientTls().port()), c.clientTls().certificate()));
        }
        if (!c.herdAdmin().isEmpty()) {
            json.put("herdAdmin", addresses(c.herdAdmin()));
        }
        return json;
    }

    private static JsonObject addresses(Map<String, PeerAddress> byName) {
        JsonObject json = new JsonObject();
        byName.forEach((name, address) -> json.put(name, address.toString()));
        return json;
    }

    private static JsonObject serverTls(JsonObject json, ServerTlsConfig tls) {
        json.put("key", tls.key()).put("cert", tls.cert());
        unlessDefault(json, "reloadCheckSeconds", tls.reloadCheckSeconds(), ServerTlsConfig.DEFAULT_RELOAD_CHECK_SECONDS);
        return json;
    }

    private static JsonObject peerTls(PeerTlsConfig tls) {
        JsonObject json = new JsonObject().put("key", tls.key()).put("cert", tls.cert()).put("ca", tls.ca());
        unlessDefault(json, "reloadCheckSeconds", tls.reloadCheckSeconds(), PeerTlsConfig.DEFAULT_RELOAD_CHECK_SECONDS);
        return json;
    }

    private static JsonObject places(PlacesConfig p) {
        JsonObject json = new JsonObject();
        unlessDefault(json, "provider", p.provider().fileName(), PlacesConfig.DEFAULTS.provider().fileName());
        if (p.url() != null) {
            json.put("url", p.url());
        }
        unlessDefault(json, "timeoutMs", millis(p.timeout()), millis(PlacesConfig.DEFAULT_TIMEOUT));
        unlessDefault(json, "cacheTtlSeconds", seconds(p.cacheTtl()), seconds(PlacesConfig.DEFAULT_CACHE_TTL));
        unlessDefault(json, "maxInFlight", p.maxInFlight(), PlacesConfig.DEFAULT_MAX_IN_FLIGHT);
        unlessDefault(json, "queueTimeoutMs", millis(p.queueTimeout()), millis(PlacesConfig.DEFAULT_QUEUE_TIMEOUT));
        return json;
    }

    private static JsonObject log(LogConfig log) {
        JsonObject json = new JsonObject();
        unlessDefault(json, "maxFileMB", log.maxFileMB(), LogConfig.DEFAULT_MAX_FILE_MB);
        unlessDefault(json, "maxTotalMB", log.maxTotalMB(), LogConfig.DEFAULT_MAX_TOTAL_MB);
        unlessDefault(json, "compress", log.compress(), LogConfig.DEFAULT_COMPRESS);
        unlessDefault(json, "queueKB", log.queueKB(), LogConfig.DEFAULT_QUEUE_KB);
        return json;
    }

    private static void unlessDefault(JsonObject json, String field, Object value, Object fallback) {
        if (!Objects.equals(value, fallback)) {
            json.put(field, value);
        }
    }

    /** The file counts these in whole milliseconds; a finer duration would not read back the same. */
    private static long millis(Duration duration) {
        if (duration.toNanos() % 1_000_000 != 0) {
            throw new IllegalArgumentException(duration + " is not a whole number of milliseconds");
        }
        return duration.toMillis();
    }

    /** The file counts these in whole seconds. */
    private static long seconds(Duration duration) {
        if (duration.getNano() != 0) {
            throw new IllegalArgumentException(duration + " is not a whole number of seconds");
        }
        return duration.getSeconds();
    }
}
