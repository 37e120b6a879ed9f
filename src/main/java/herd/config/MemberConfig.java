package herd.config;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One herd member's validated configuration (configuration.md). Made by {@link MemberConfigParser}
 * from a file, or by {@link #builder} with the defaults a file leaves out.
 *
 * @param neighbours neighbour name to its address, in the order the file lists them
 * @param admin      the admin endpoint, or null for none
 * @param logTraffic whether the log file gets every line received and sent (configuration.md, Logs)
 * @param shutdownGrace how long a stopping member lets its clients' owed replies finish
 * @param maxPendingReplies the most commands one client connection may have awaiting their replies
 *                          before the member stops reading it
 * @param clientIdleTimeout how long a client connection may send nothing; zero for ever
 * @param maxClients the most client connections the member holds at once
 * @param syncInterval how often anti-entropy compares tables over each link that is up
 * @param log        how the log file is rolled, capped and fed
 * @param peerPort   the port neighbours' peer links connect to, apart from clients; 0 for none (peers and
 *                   clients share {@code port}; see security.md, Peer port)
 * @param peerTls    the certificates of mutual TLS on peer links, or null for plain TCP (security.md, Peer TLS)
 * @param clientTls  the TLS client port, or null for none (security.md, Client TLS); with it, {@code port}
 *                   may be 0: no plain client port
 * @param herdAdmin  the admin endpoints of the herd's members by name, where the live page asks for their
 *                   status (live-page.md, Finding the herd); empty for none
 */
public record MemberConfig(
        String name,
        String host,
        int port,
        Map<String, PeerAddress> neighbours,
        PlacesConfig places,
        String logFile,
        AdminConfig admin,
        boolean logTraffic,
        Duration shutdownGrace,
        int maxPendingReplies,
        Duration clientIdleTimeout,
        int maxClients,
        Duration syncInterval,
        LogConfig log,
        int peerPort,
        PeerTlsConfig peerTls,
        ClientTlsConfig clientTls,
        Map<String, PeerAddress> herdAdmin) {

    public static final String DEFAULT_HOST = "0.0.0.0";
    /** On unless turned off (configuration.md, Logs): a load test may not want every line in and out. */
    public static final boolean DEFAULT_LOG_TRAFFIC = true;
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofMillis(10_000);
    public static final int DEFAULT_MAX_PENDING_REPLIES = 1000;
    public static final Duration DEFAULT_CLIENT_IDLE_TIMEOUT = Duration.ofSeconds(3600);
    /** Room for the benchmark's 10,000 idle connections per member and its load connections. */
    public static final int DEFAULT_MAX_CLIENTS = 20_000;
    public static final Duration DEFAULT_SYNC_INTERVAL = Duration.ofSeconds(30);

    public MemberConfig {
        neighbours = Collections.unmodifiableMap(new LinkedHashMap<>(neighbours));
        herdAdmin = Collections.unmodifiableMap(new LinkedHashMap<>(herdAdmin));
    }

    /** Whether neighbours connect to a port of their own ({@link #peerPort}) rather than the client port. */
    public boolean hasPeerPort() {
        return peerPort != 0;
    }

    /** Whether clients may connect over plain TCP ({@link #port}); without it, only {@link #clientTls} serves them. */
    public boolean hasPlainPort() {
        return port != 0;
    }

    /** The client ports as a line of the log names them: "12003", "12003 and 12303 (TLS)" or "12303 (TLS)". */
    public String clientPorts() {
        String tls = clientTls == null ? "" : clientTls.port() + " (TLS)";
        if (!hasPlainPort()) {
            return tls;
        }
        return port + (tls.isEmpty() ? "" : " and " + tls);
    }

    /** Where a member's log goes when its file names none. */
    public static String defaultLogFile(String name) {
        return "logs/" + name + ".log";
    }

    /** A member with every optional field at its default, as a file with only these fields would give. */
    public static MemberConfigBuilder builder(String name, int port) {
        return new MemberConfigBuilder(name, port);
    }

    /** A builder holding this configuration, to change some of its fields. */
    public MemberConfigBuilder toBuilder() {
        return new MemberConfigBuilder(this);
    }

    /** The fields, as a configuration file names them, whose values differ in {@code other}, in file order. */
    public List<String> fieldsDifferingFrom(MemberConfig other) {
        var mine = ConfigJson.member(this);
        var theirs = ConfigJson.member(other);
        return MemberConfigParser.MEMBER_FIELDS.stream()
                .filter(field -> !Objects.equals(mine.getValue(field), theirs.getValue(field)))
                .toList();
    }
}
