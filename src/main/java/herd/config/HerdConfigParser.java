package herd.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates a member file or a herd file ({@code {"servers": [...]}}) into a {@link HerdConfig}.
 * The members themselves are read by {@link MemberConfigParser}; this class adds the rules that
 * hold across everything one process listens on and writes to.
 */
public final class HerdConfigParser {

    /** One port a member listens on, and the field that configures it. */
    private record Endpoint(String path, String field, String host, int port) {

        boolean clashesWith(Endpoint other) {
            return port == other.port && (host.equalsIgnoreCase(other.host)
                    // a wildcard binds every interface, so it takes the port from every other address too
                    || WildcardHost.is(host) || WildcardHost.is(other.host));
        }
    }

    private HerdConfigParser() {
    }

    /** @param file where {@code json} came from; every error message starts with it */
    public static HerdConfig parse(String file, JsonObject json) {
        if (!json.containsKey("servers")) {
            MemberConfig member = MemberConfigParser.parse(new ConfigSource(file, ""), json);
            refuseClashes(new ConfigSource(file, ""), member, List.of(), new ArrayList<>());
            return new HerdConfig(List.of(member));
        }
        for (String field : json.fieldNames()) {
            if (!field.equals("servers")) {
                throw new ConfigException(file, field, "unknown field (a herd file holds only \"servers\")");
            }
        }
        if (!(json.getValue("servers") instanceof JsonArray servers) || servers.isEmpty()) {
            throw new ConfigException(file, "servers", "must be a non-empty array of member objects");
        }
        List<MemberConfig> members = new ArrayList<>();
        List<Endpoint> taken = new ArrayList<>();
        for (int i = 0; i < servers.size(); i++) {
            if (!(servers.getValue(i) instanceof JsonObject server)) {
                throw new ConfigException(file, "servers[" + i + "]", "must be a member object");
            }
            ConfigSource source = new ConfigSource(file, "servers[" + i + "].");
            MemberConfig member = MemberConfigParser.parse(source, server);
            refuseClashes(source, member, members, taken);
            members.add(member);
        }
        return new HerdConfig(members);
    }

    /**
     * A member may share neither its name nor its log file with an earlier member, nor any
     * listening port with an earlier member or with itself (its client port and admin port).
     * Adds the member's ports to {@code taken}.
     */
    private static void refuseClashes(ConfigSource source, MemberConfig member, List<MemberConfig> earlier,
                                      List<Endpoint> taken) {
        for (int j = 0; j < earlier.size(); j++) {
            MemberConfig other = earlier.get(j);
            if (member.name().equals(other.name())) {
                throw source.problem("name", "\"" + member.name() + "\" is also the name of servers[" + j + "]");
            }
            if (Path.of(member.logFile()).toAbsolutePath().normalize()
                    .equals(Path.of(other.logFile()).toAbsolutePath().normalize())) {
                throw source.problem("logFile", "\"" + member.logFile() + "\" is also the log file of servers[" + j + "]");
            }
        }
        for (Endpoint endpoint : endpoints(source, member)) {
            for (Endpoint other : taken) {
                if (endpoint.clashesWith(other)) {
                    throw source.problem(endpoint.field, endpoint.port + " on " + endpoint.host
                            + " clashes with " + other.path + other.field + " (" + other.port + " on " + other.host + ")");
                }
            }
            taken.add(endpoint);
        }
    }

    private static List<Endpoint> endpoints(ConfigSource source, MemberConfig member) {
        List<Endpoint> endpoints = new ArrayList<>();
        if (member.hasPlainPort()) {
            endpoints.add(new Endpoint(source.memberPath(), "port", member.host(), member.port()));
        }
        if (member.clientTls() != null) {
            endpoints.add(new Endpoint(source.memberPath(), "clientTls.port", member.host(), member.clientTls().port()));
        }
        if (member.admin() != null) {
            endpoints.add(new Endpoint(source.memberPath(), "admin.port", member.admin().host(), member.admin().port()));
        }
        if (member.hasPeerPort()) {
            endpoints.add(new Endpoint(source.memberPath(), "peerPort", member.host(), member.peerPort()));
        }
        return endpoints;
    }
}
