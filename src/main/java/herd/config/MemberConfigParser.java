package herd.config;

import herd.protocol.LineLimits;
import io.vertx.core.json.JsonObject;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Validates one member object (configuration.md); every error names the file and the field. */
final class MemberConfigParser {

    /** In the order of {@link MemberConfig}'s components. */
    static final List<String> MEMBER_FIELDS =
            List.of("name", "host", "port", "neighbours", "places", "logFile", "admin", "logTraffic",
                    "shutdownGraceMs", "maxPendingReplies", "clientIdleTimeoutSeconds", "maxClients",
                    "syncIntervalSeconds", "log", "peerPort", "peerTls", "clientTls", "herdAdmin");
    static final Set<String> LOG_FIELDS = Set.of("maxFileMB", "maxTotalMB", "compress", "queueKB");
    static final Set<String> ADMIN_FIELDS = Set.of("host", "port", "tls");
    static final Set<String> PEER_TLS_FIELDS = Set.of("key", "cert", "ca", "reloadCheckSeconds");
    static final Set<String> SERVER_TLS_FIELDS = Set.of("key", "cert", "reloadCheckSeconds");
    static final Set<String> CLIENT_TLS_FIELDS = Set.of("port", "key", "cert", "reloadCheckSeconds");
    static final Set<String> PLACES_FIELDS =
            Set.of("provider", "url", "timeoutMs", "cacheTtlSeconds", "maxInFlight", "queueTimeoutMs");
    /** Names travel as one word of a protocol line: printable ASCII, no white space, bounded (see LineLimits). */
    private static final Pattern NAME = Pattern.compile("[!-~]{1," + LineLimits.MEMBER_NAME + "}");

    private MemberConfigParser() {
    }

    static MemberConfig parse(ConfigSource source, JsonObject json) {
        refuseUnknownFields(source, "", json, MEMBER_FIELDS);
        String name = requiredName(source, json);
        return new MemberConfig(name,
                optionalString(source, "", json, "host", MemberConfig.DEFAULT_HOST),
                clientPort(source, json),
                neighbours(source, name, json.getValue("neighbours")),
                places(source, json.getValue("places")),
                logFile(source, json, name),
                admin(source, json.getValue("admin")),
                logTraffic(source, json.getValue("logTraffic")),
                Duration.ofMillis(optionalInteger(source, json, "shutdownGraceMs",
                        (int) MemberConfig.DEFAULT_SHUTDOWN_GRACE.toMillis(), 0)),
                optionalInteger(source, json, "maxPendingReplies", MemberConfig.DEFAULT_MAX_PENDING_REPLIES, 1),
                Duration.ofSeconds(optionalInteger(source, json, "clientIdleTimeoutSeconds",
                        (int) MemberConfig.DEFAULT_CLIENT_IDLE_TIMEOUT.toSeconds(), 0)),
                optionalInteger(source, json, "maxClients", MemberConfig.DEFAULT_MAX_CLIENTS, 1),
                Duration.ofSeconds(optionalInteger(source, json, "syncIntervalSeconds",
                        (int) MemberConfig.DEFAULT_SYNC_INTERVAL.toSeconds(), 1)),
                log(source, json.getValue("log")),
                peerPort(source, json.getValue("peerPort")),
                peerTls(source, json),
                clientTls(source, json),
                herdAdmin(source, json.getValue("herdAdmin")));
    }

    /**
     * The plain client port: required, unless the member has a TLS client port, when leaving it out
     * means TLS only (security.md, Client TLS). Peers then need a port of their own.
     */
    private static int clientPort(ConfigSource source, JsonObject member) {
        if (member.getValue("port") != null || member.getValue("clientTls") == null) {
            return requiredPort(source, "port", member.getValue("port"));
        }
        if (member.getValue("peerPort") == null) {
            throw source.problem("peerPort", "missing: a member without a plain client port (no \"port\", clients on"
                    + " clientTls.port only) needs a peerPort for its neighbours");
        }
        return 0;
    }

    /** Optional: the same protocol as the client port, over TLS (security.md, Client TLS). */
    private static ClientTlsConfig clientTls(ConfigSource source, JsonObject member) {
        JsonObject json = object(source, "clientTls", member.getValue("clientTls"));
        if (json == null) {
            return null;
        }
        refuseUnknownFields(source, "clientTls.", json, CLIENT_TLS_FIELDS);
        return new ClientTlsConfig(requiredPort(source, "clientTls.port", json.getValue("port")),
                serverTls(source, "clientTls.", json));
    }

    private static ServerTlsConfig serverTls(ConfigSource source, String prefix, JsonObject json) {
        return new ServerTlsConfig(pemFile(source, prefix, json, "key"), pemFile(source, prefix, json, "cert"),
                reloadCheckSeconds(source, prefix, json));
    }

    private static int reloadCheckSeconds(ConfigSource source, String prefix, JsonObject json) {
        return (int) integer(source, prefix + "reloadCheckSeconds",
                json.getValue("reloadCheckSeconds", ServerTlsConfig.DEFAULT_RELOAD_CHECK_SECONDS), 1, 86_400);
    }

    /** An optional object: null when absent. */
    private static JsonObject object(ConfigSource source, String field, Object value) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonObject json)) {
            throw source.problem(field, "must be an object, not " + quoted(value));
        }
        return json;
    }

    /** Optional: 0 when peers share the client port (security.md, Peer port). */
    private static int peerPort(ConfigSource source, Object value) {
        return value == null ? 0 : requiredPort(source, "peerPort", value);
    }

    /** Optional; TLS is for the peer port only, so it needs one (security.md, Peer TLS). */
    private static PeerTlsConfig peerTls(ConfigSource source, JsonObject member) {
        JsonObject json = object(source, "peerTls", member.getValue("peerTls"));
        if (json == null) {
            return null;
        }
        if (member.getValue("peerPort") == null) {
            throw source.problem("peerTls", "needs a peerPort: mutual TLS applies to the peer port (for TLS clients, see clientTls)");
        }
        refuseUnknownFields(source, "peerTls.", json, PEER_TLS_FIELDS);
        return new PeerTlsConfig(pemFile(source, "peerTls.", json, "key"), pemFile(source, "peerTls.", json, "cert"),
                pemFile(source, "peerTls.", json, "ca"), reloadCheckSeconds(source, "peerTls.", json));
    }

    private static String pemFile(ConfigSource source, String prefix, JsonObject json, String field) {
        if (json.getValue(field) == null) {
            throw source.problem(prefix + field, "missing (the path of a PEM file is required)");
        }
        String path = optionalString(source, prefix, json, field, null);
        try {
            Path.of(path);
        } catch (InvalidPathException e) {
            throw source.problem(prefix + field, "not a usable file path: " + e.getReason());
        }
        return path;
    }

    private static int optionalInteger(ConfigSource source, JsonObject json, String field, int fallback, int min) {
        return (int) integer(source, field, json.getValue(field, fallback), min, Integer.MAX_VALUE);
    }

    private static String requiredName(ConfigSource source, JsonObject json) {
        Object name = json.getValue("name");
        if (name == null) {
            throw source.problem("name", "missing (a non-empty string is required)");
        }
        if (!(name instanceof String text) || !NAME.matcher(text).matches()) {
            throw source.problem("name", "must be a non-empty string of at most " + LineLimits.MEMBER_NAME
                    + " printable ASCII characters without spaces, not "
                    + quoted(name));
        }
        return text;
    }

    private static Map<String, PeerAddress> neighbours(ConfigSource source, String self, Object value) {
        if (value == null) {
            throw source.problem("neighbours", "missing (an object of neighbour name to \"host:port\"; {} for none)");
        }
        if (value instanceof JsonObject json && json.containsKey(self)) {
            throw source.problem("neighbours." + self, "a member cannot be its own neighbour");
        }
        return namedAddresses(source, "neighbours", "neighbour", value);
    }

    /** Optional: the other members' admin endpoints, for the live page (live-page.md, Finding the herd). */
    private static Map<String, PeerAddress> herdAdmin(ConfigSource source, Object value) {
        return value == null ? Map.of() : namedAddresses(source, "herdAdmin", "member", value);
    }

    /** An object of member name to {@code "host:port"}, in the order the file lists them. */
    private static Map<String, PeerAddress> namedAddresses(ConfigSource source, String field, String what,
                                                           Object value) {
        if (!(value instanceof JsonObject json)) {
            throw source.problem(field, "must be an object of " + what + " name to \"host:port\", not "
                    + quoted(value));
        }
        Map<String, PeerAddress> addresses = new LinkedHashMap<>();
        for (String name : json.fieldNames()) {
            String path = field + "." + name;
            if (!NAME.matcher(name).matches()) {
                throw source.problem(path, "a " + what + " name must be at most " + LineLimits.MEMBER_NAME
                        + " printable ASCII characters without spaces");
            }
            addresses.put(name, address(source, path, json.getValue(name)));
        }
        return addresses;
    }

    private static PeerAddress address(ConfigSource source, String field, Object value) {
        if (!(value instanceof String text)) {
            throw source.problem(field, "malformed address " + quoted(value) + " (expected " + PeerAddress.FORMS + ")");
        }
        try {
            return PeerAddress.parse(text);
        } catch (IllegalArgumentException malformed) {
            throw source.problem(field, malformed.getMessage());
        }
    }

    private static PlacesConfig places(ConfigSource source, Object value) {
        JsonObject json = object(source, "places", value);
        if (json == null) {
            return PlacesConfig.DEFAULTS;
        }
        refuseUnknownFields(source, "places.", json, PLACES_FIELDS);
        String provider = optionalString(source, "places.", json, "provider",
                PlacesConfig.DEFAULTS.provider().fileName());
        return new PlacesConfig(PlacesConfig.Provider.fromFileName(provider).orElseThrow(() -> source.problem(
                        "places.provider", "unknown provider \"" + provider + "\" (one of " + providerNames() + ")")),
                optionalString(source, "places.", json, "url", null),
                Duration.ofMillis(integer(source, "places.timeoutMs",
                        json.getValue("timeoutMs", PlacesConfig.DEFAULT_TIMEOUT.toMillis()), 1, Integer.MAX_VALUE)),
                Duration.ofSeconds(integer(source, "places.cacheTtlSeconds",
                        json.getValue("cacheTtlSeconds", PlacesConfig.DEFAULT_CACHE_TTL.toSeconds()), 0,
                        Integer.MAX_VALUE)),
                (int) integer(source, "places.maxInFlight",
                        json.getValue("maxInFlight", PlacesConfig.DEFAULT_MAX_IN_FLIGHT), 1, 100_000),
                Duration.ofMillis(integer(source, "places.queueTimeoutMs",
                        json.getValue("queueTimeoutMs", PlacesConfig.DEFAULT_QUEUE_TIMEOUT.toMillis()), 0,
                        Integer.MAX_VALUE)));
    }

    private static Set<String> providerNames() {
        return Arrays.stream(PlacesConfig.Provider.values()).map(PlacesConfig.Provider::fileName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static AdminConfig admin(ConfigSource source, Object value) {
        JsonObject json = object(source, "admin", value);
        if (json == null) {
            return null;
        }
        refuseUnknownFields(source, "admin.", json, ADMIN_FIELDS);
        JsonObject tls = object(source, "admin.tls", json.getValue("tls"));
        if (tls != null) {
            refuseUnknownFields(source, "admin.tls.", tls, SERVER_TLS_FIELDS);
        }
        return new AdminConfig(optionalString(source, "admin.", json, "host", AdminConfig.DEFAULT_HOST),
                requiredPort(source, "admin.port", json.getValue("port")),
                tls == null ? null : serverTls(source, "admin.tls.", tls));
    }

    private static String logFile(ConfigSource source, JsonObject json, String name) {
        String logFile = optionalString(source, "", json, "logFile", MemberConfig.defaultLogFile(name));
        try {
            Path.of(logFile);
        } catch (InvalidPathException e) {
            throw source.problem("logFile", "not a usable file path: " + e.getReason());
        }
        return logFile;
    }

    private static LogConfig log(ConfigSource source, Object value) {
        JsonObject json = object(source, "log", value);
        if (json == null) {
            return LogConfig.DEFAULTS;
        }
        refuseUnknownFields(source, "log.", json, LOG_FIELDS);
        return new LogConfig(
                (int) integer(source, "log.maxFileMB", json.getValue("maxFileMB", LogConfig.DEFAULT_MAX_FILE_MB), 1,
                        1_000_000),
                (int) integer(source, "log.maxTotalMB", json.getValue("maxTotalMB", LogConfig.DEFAULT_MAX_TOTAL_MB), 1,
                        100_000_000),
                bool(source, "log.compress", json.getValue("compress"), LogConfig.DEFAULT_COMPRESS),
                (int) integer(source, "log.queueKB", json.getValue("queueKB", LogConfig.DEFAULT_QUEUE_KB), 1,
                        1_000_000));
    }

    private static int requiredPort(ConfigSource source, String field, Object value) {
        if (value == null) {
            throw source.problem(field, "missing (a TCP port, 1 to 65535, is required)");
        }
        return (int) integer(source, field, value, 1, 65535);
    }

    private static boolean logTraffic(ConfigSource source, Object value) {
        return bool(source, "logTraffic", value, MemberConfig.DEFAULT_LOG_TRAFFIC);
    }

    private static boolean bool(ConfigSource source, String field, Object value, boolean fallback) {
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Boolean on)) {
            throw source.problem(field, "must be true or false, not " + quoted(value));
        }
        return on;
    }

    /** A JSON integer within [min, max]; strings and fractions are refused rather than converted. */
    private static long integer(ConfigSource source, String field, Object value, long min, long max) {
        if (!(value instanceof Integer || value instanceof Long) || ((Number) value).longValue() < min
                || ((Number) value).longValue() > max) {
            throw source.problem(field, "must be an integer from " + min + " to " + max + ", not " + quoted(value));
        }
        return ((Number) value).longValue();
    }

    private static String optionalString(ConfigSource source, String prefix, JsonObject json, String field,
                                         String fallback) {
        Object value = json.getValue(field);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof String text) || text.isBlank()) {
            throw source.problem(prefix + field, "must be a non-empty string, not " + quoted(value));
        }
        return text;
    }

    /** A misspelt optional field would otherwise be ignored silently and its default used. */
    private static void refuseUnknownFields(ConfigSource source, String prefix, JsonObject json,
                                            Collection<String> known) {
        for (String field : json.fieldNames()) {
            if (!known.contains(field)) {
                throw source.problem(prefix + field, "unknown field (known: " + new TreeSet<>(known) + ")");
            }
        }
    }

    private static String quoted(Object value) {
        return value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
    }
}
