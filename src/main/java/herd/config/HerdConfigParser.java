package herd.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Validates a member file or a herd file ({@code {"servers": [...]}}) into a {@link HerdConfig}. */
public final class HerdConfigParser {

    static final Set<String> MEMBER_FIELDS = Set.of("name", "host", "port", "neighbours", "places", "logFile");
    static final Set<String> PLACES_FIELDS =
            Set.of("provider", "url", "timeoutMs", "cacheTtlSeconds", "maxInFlight", "queueTimeoutMs");
    static final Set<String> PROVIDERS = Set.of("google", "google-legacy", "offline", "auto");
    private static final Pattern NAME = Pattern.compile("[!-~]+");
    private static final Pattern ADDRESS = Pattern.compile("(?:\\[([0-9A-Fa-f:.]+)]|([A-Za-z0-9.-]+)):([0-9]{1,5})");

    private HerdConfigParser() {
    }

    public static HerdConfig parse(String file, JsonObject json) {
        if (!json.containsKey("servers")) {
            return new HerdConfig(List.of(member(new ConfigSource(file, ""), json)));
        }
        if (!(json.getValue("servers") instanceof JsonArray servers) || servers.isEmpty()) {
            throw new ConfigException(file, "servers", "must be a non-empty array of member objects");
        }
        if (json.size() > 1) {
            throw new ConfigException(file, "a herd file holds only \"servers\"; found " + json.fieldNames());
        }
        List<MemberConfig> members = new ArrayList<>();
        Map<String, Integer> names = new HashMap<>();
        Map<String, Integer> ports = new HashMap<>();
        for (int i = 0; i < servers.size(); i++) {
            ConfigSource source = new ConfigSource(file, "servers[" + i + "].");
            if (!(servers.getValue(i) instanceof JsonObject server)) {
                throw new ConfigException(file, "servers[" + i + "]", "must be a member object");
            }
            MemberConfig member = member(source, server);
            Integer sameName = names.put(member.name(), i);
            if (sameName != null) {
                throw source.problem("name", "\"" + member.name() + "\" is also servers[" + sameName + "]");
            }
            Integer samePort = ports.put(member.host() + ":" + member.port(), i);
            if (samePort != null) {
                throw source.problem("port", member.port() + " is also the port of servers[" + samePort + "]");
            }
            members.add(member);
        }
        return new HerdConfig(members);
    }

    private static MemberConfig member(ConfigSource source, JsonObject json) {
        unknownFields(source, "", json, MEMBER_FIELDS);
        String name = requiredName(source, json);
        String host = optionalString(source, "", json, "host", "0.0.0.0");
        int port = port(source, "port", json.getValue("port"));
        Map<String, PeerAddress> neighbours = neighbours(source, name, json.getValue("neighbours"));
        PlacesConfig places = places(source, json.getValue("places"));
        String logFile = optionalString(source, "", json, "logFile", "logs/" + name + ".log");
        return new MemberConfig(name, host, port, neighbours, places, logFile);
    }

    private static String requiredName(ConfigSource source, JsonObject json) {
        Object name = json.getValue("name");
        if (name == null) {
            throw source.problem("name", "missing (a member name is required)");
        }
        if (!(name instanceof String text) || !NAME.matcher(text).matches()) {
            throw source.problem("name", "must be a non-empty string of printable ASCII without spaces, not " + name);
        }
        return text;
    }

    private static int port(ConfigSource source, String field, Object value) {
        if (value == null) {
            throw source.problem(field, "missing (a TCP port, 1 to 65535, is required)");
        }
        return (int) integer(source, field, value, 1, 65535);
    }

    /** A JSON integer within [min, max]; strings and fractions are refused. */
    private static long integer(ConfigSource source, String field, Object value, long min, long max) {
        if (!(value instanceof Integer || value instanceof Long) || ((Number) value).longValue() < min
                || ((Number) value).longValue() > max) {
            throw source.problem(field, "must be an integer from " + min + " to " + max + ", not " + quoted(value));
        }
        return ((Number) value).longValue();
    }

    private static Map<String, PeerAddress> neighbours(ConfigSource source, String self, Object value) {
        if (value == null) {
            throw source.problem("neighbours", "missing (an object of neighbour name to \"host:port\"; {} for none)");
        }
        if (!(value instanceof JsonObject json)) {
            throw source.problem("neighbours", "must be an object of neighbour name to \"host:port\", not " + value);
        }
        Map<String, PeerAddress> neighbours = new LinkedHashMap<>();
        for (String name : json.fieldNames()) {
            String field = "neighbours." + name;
            if (name.equals(self)) {
                throw source.problem(field, "a member cannot be its own neighbour");
            }
            if (!NAME.matcher(name).matches()) {
                throw source.problem(field, "a neighbour name must be printable ASCII without spaces");
            }
            neighbours.put(name, address(source, field, json.getValue(name)));
        }
        return neighbours;
    }

    private static PeerAddress address(ConfigSource source, String field, Object value) {
        Matcher m = value instanceof String text ? ADDRESS.matcher(text) : null;
        if (m == null || !m.matches()) {
            throw source.problem(field, "malformed address " + quoted(value) + " (expected host:port or [v6]:port)");
        }
        int port = Integer.parseInt(m.group(3));
        if (port < 1 || port > 65535) {
            throw source.problem(field, "port " + port + " is not from 1 to 65535");
        }
        return new PeerAddress(m.group(1) != null ? m.group(1) : m.group(2), port);
    }

    private static PlacesConfig places(ConfigSource source, Object value) {
        if (value == null) {
            return new PlacesConfig("auto", null, PlacesConfig.DEFAULT_TIMEOUT_MS);
        }
        if (!(value instanceof JsonObject json)) {
            throw source.problem("places", "must be an object, not " + value);
        }
        unknownFields(source, "places.", json, PLACES_FIELDS);
        String provider = optionalString(source, "places.", json, "provider", "auto");
        if (!PROVIDERS.contains(provider)) {
            throw source.problem("places.provider", "unknown provider \"" + provider + "\" (one of " + PROVIDERS + ")");
        }
        String url = optionalString(source, "places.", json, "url", null);
        return new PlacesConfig(provider, url,
                integer(source, "places.timeoutMs", json.getValue("timeoutMs", PlacesConfig.DEFAULT_TIMEOUT_MS),
                        1, Integer.MAX_VALUE),
                integer(source, "places.cacheTtlSeconds",
                        json.getValue("cacheTtlSeconds", PlacesConfig.DEFAULT_CACHE_TTL_SECONDS), 0, Integer.MAX_VALUE),
                (int) integer(source, "places.maxInFlight",
                        json.getValue("maxInFlight", PlacesConfig.DEFAULT_MAX_IN_FLIGHT), 1, 100_000),
                integer(source, "places.queueTimeoutMs",
                        json.getValue("queueTimeoutMs", PlacesConfig.DEFAULT_QUEUE_TIMEOUT_MS), 0, Integer.MAX_VALUE));
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

    private static void unknownFields(ConfigSource source, String prefix, JsonObject json, Set<String> known) {
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
