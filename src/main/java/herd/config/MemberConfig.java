package herd.config;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One herd member's validated configuration (configuration.md).
 *
 * @param neighbours neighbour name to its address, in the order the file lists them
 * @param admin      the admin endpoint, or null for none
 * @param logTraffic whether the log file gets every line received and sent (configuration.md, Logs)
 * @param shutdownGraceMs how long a stopping member lets its clients' owed replies finish
 * @param maxPendingReplies the most commands one client connection may have awaiting their replies
 *                          before the member stops reading it
 * @param clientIdleTimeoutSeconds how long a client connection may send nothing; 0 for ever
 * @param maxClients the most client connections the member holds at once
 * @param syncIntervalSeconds how often anti-entropy compares tables over each link that is up
 * @param log        how the log file is rolled, capped and fed
 * @param peerPort   the port neighbours' peer links connect to, apart from clients; 0 for none (peers and
 *                   clients share {@code port}; see security.md, Peer port)
 * @param peerTls    the certificates of mutual TLS on peer links, or null for plain TCP (security.md, Peer TLS)
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
        int shutdownGraceMs,
        int maxPendingReplies,
        int clientIdleTimeoutSeconds,
        int maxClients,
        int syncIntervalSeconds,
        LogConfig log,
        int peerPort,
        PeerTlsConfig peerTls) {

    public static final int DEFAULT_SHUTDOWN_GRACE_MS = 10_000;
    public static final int DEFAULT_MAX_PENDING_REPLIES = 1000;
    public static final int DEFAULT_CLIENT_IDLE_TIMEOUT_SECONDS = 3600;
    /** Room for the benchmark's 10,000 idle connections per member and its load connections. */
    public static final int DEFAULT_MAX_CLIENTS = 20_000;
    public static final int DEFAULT_SYNC_INTERVAL_SECONDS = 30;

    public MemberConfig {
        neighbours = Collections.unmodifiableMap(new LinkedHashMap<>(neighbours));
    }

    /** A member whose peers and clients share one port, in plain TCP. */
    public MemberConfig(String name, String host, int port, Map<String, PeerAddress> neighbours, PlacesConfig places,
                        String logFile, AdminConfig admin, boolean logTraffic, int shutdownGraceMs,
                        int maxPendingReplies, int clientIdleTimeoutSeconds, int maxClients, int syncIntervalSeconds,
                        LogConfig log) {
        this(name, host, port, neighbours, places, logFile, admin, logTraffic, shutdownGraceMs, maxPendingReplies,
                clientIdleTimeoutSeconds, maxClients, syncIntervalSeconds, log, 0, null);
    }

    /** Whether neighbours connect to a port of their own ({@link #peerPort}) rather than the client port. */
    public boolean hasPeerPort() {
        return peerPort != 0;
    }

    /** The names of the fields whose values differ in {@code other}, in declaration order. */
    public List<String> fieldsDifferingFrom(MemberConfig other) {
        List<String> fields = new ArrayList<>();
        for (RecordComponent component : MemberConfig.class.getRecordComponents()) {
            try {
                Method accessor = component.getAccessor();
                if (!Objects.equals(accessor.invoke(this), accessor.invoke(other))) {
                    fields.add(component.getName());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("a record accessor is public", e);
            }
        }
        return fields;
    }
}
