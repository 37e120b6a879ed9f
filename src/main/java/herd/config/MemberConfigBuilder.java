package herd.config;

import java.time.Duration;
import java.util.Map;

/** Builds a {@link MemberConfig}: starts from the defaults (or a configuration) and changes what it is told. */
public final class MemberConfigBuilder {

    private final String name;
    private int port;
    private String host = MemberConfig.DEFAULT_HOST;
    private Map<String, PeerAddress> neighbours = Map.of();
    private PlacesConfig places = PlacesConfig.DEFAULTS;
    private String logFile;
    private AdminConfig admin;
    private boolean logTraffic = MemberConfig.DEFAULT_LOG_TRAFFIC;
    private Duration shutdownGrace = MemberConfig.DEFAULT_SHUTDOWN_GRACE;
    private int maxPendingReplies = MemberConfig.DEFAULT_MAX_PENDING_REPLIES;
    private Duration clientIdleTimeout = MemberConfig.DEFAULT_CLIENT_IDLE_TIMEOUT;
    private int maxClients = MemberConfig.DEFAULT_MAX_CLIENTS;
    private Duration syncInterval = MemberConfig.DEFAULT_SYNC_INTERVAL;
    private LogConfig log = LogConfig.DEFAULTS;
    private int peerPort;
    private PeerTlsConfig peerTls;
    private ClientTlsConfig clientTls;
    private Map<String, PeerAddress> herdAdmin = Map.of();

    MemberConfigBuilder(String name, int port) {
        this.name = name;
        this.port = port;
    }

    MemberConfigBuilder(MemberConfig c) {
        this(c.name(), c.port());
        host = c.host();
        neighbours = c.neighbours();
        places = c.places();
        logFile = c.logFile();
        admin = c.admin();
        logTraffic = c.logTraffic();
        shutdownGrace = c.shutdownGrace();
        maxPendingReplies = c.maxPendingReplies();
        clientIdleTimeout = c.clientIdleTimeout();
        maxClients = c.maxClients();
        syncInterval = c.syncInterval();
        log = c.log();
        peerPort = c.peerPort();
        peerTls = c.peerTls();
        clientTls = c.clientTls();
        herdAdmin = c.herdAdmin();
    }

    /** @param port the plain client port; 0 for none (then a {@link #clientTls} port is needed) */
    public MemberConfigBuilder port(int port) {
        this.port = port;
        return this;
    }

    public MemberConfigBuilder host(String host) {
        this.host = host;
        return this;
    }

    public MemberConfigBuilder neighbours(Map<String, PeerAddress> neighbours) {
        this.neighbours = neighbours;
        return this;
    }

    public MemberConfigBuilder places(PlacesConfig places) {
        this.places = places;
        return this;
    }

    /** Unset, the log goes to {@link MemberConfig#defaultLogFile}. */
    public MemberConfigBuilder logFile(String logFile) {
        this.logFile = logFile;
        return this;
    }

    /** @param admin the admin endpoint, or null for none */
    public MemberConfigBuilder admin(AdminConfig admin) {
        this.admin = admin;
        return this;
    }

    public MemberConfigBuilder logTraffic(boolean logTraffic) {
        this.logTraffic = logTraffic;
        return this;
    }

    public MemberConfigBuilder shutdownGrace(Duration shutdownGrace) {
        this.shutdownGrace = shutdownGrace;
        return this;
    }

    public MemberConfigBuilder maxPendingReplies(int maxPendingReplies) {
        this.maxPendingReplies = maxPendingReplies;
        return this;
    }

    /** @param clientIdleTimeout zero for never */
    public MemberConfigBuilder clientIdleTimeout(Duration clientIdleTimeout) {
        this.clientIdleTimeout = clientIdleTimeout;
        return this;
    }

    public MemberConfigBuilder maxClients(int maxClients) {
        this.maxClients = maxClients;
        return this;
    }

    public MemberConfigBuilder syncInterval(Duration syncInterval) {
        this.syncInterval = syncInterval;
        return this;
    }

    public MemberConfigBuilder log(LogConfig log) {
        this.log = log;
        return this;
    }

    /** @param peerPort the peer port (security.md, Peer port); 0 for none */
    public MemberConfigBuilder peerPort(int peerPort) {
        this.peerPort = peerPort;
        return this;
    }

    /** @param peerTls the peer port's mutual TLS (security.md, Peer TLS); null for none */
    public MemberConfigBuilder peerTls(PeerTlsConfig peerTls) {
        this.peerTls = peerTls;
        return this;
    }

    /** @param clientTls the TLS client port (security.md, Client TLS); null for none */
    public MemberConfigBuilder clientTls(ClientTlsConfig clientTls) {
        this.clientTls = clientTls;
        return this;
    }

    /** @param herdAdmin the herd's admin endpoints by member name, for the live page (live-page.md) */
    public MemberConfigBuilder herdAdmin(Map<String, PeerAddress> herdAdmin) {
        this.herdAdmin = herdAdmin;
        return this;
    }

    public MemberConfig build() {
        return new MemberConfig(name, host, port, neighbours, places,
                logFile != null ? logFile : MemberConfig.defaultLogFile(name), admin, logTraffic, shutdownGrace,
                maxPendingReplies, clientIdleTimeout, maxClients, syncInterval, log, peerPort, peerTls,
                clientTls, herdAdmin);
    }
}
