package herd.peer;

import herd.config.PeerTlsConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.file.FileProps;
import io.vertx.core.file.FileSystem;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.net.ClientSSLOptions;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.ServerSSLOptions;
import java.util.List;
import java.util.Set;

/**
 * Mutual TLS on peer links (security.md, Peer TLS): both sides present a certificate of the herd's
 * certificate authority, in TLS 1.3 or 1.2. TLS checks the chains; which member a certificate names
 * is checked by {@link PeerIdentity}, against the neighbour's name rather than the address dialled,
 * so hostname verification is off.
 */
public final class PeerTls {

    static final Set<String> PROTOCOLS = Set.of("TLSv1.3", "TLSv1.2");

    private final PeerTlsConfig config;
    /** The files' modification times and sizes at the last check; owned by the member's event loop. */
    private List<String> lastSeen;

    public PeerTls(PeerTlsConfig config) {
        this.config = config;
    }

    public NetServerOptions server(NetServerOptions options) {
        return new NetServerOptions(options).setSsl(true).setClientAuth(ClientAuth.REQUIRED)
                .setKeyCertOptions(keyCert()).setTrustOptions(trust()).setEnabledSecureTransportProtocols(PROTOCOLS);
    }

    NetClientOptions client(NetClientOptions options) {
        return new NetClientOptions(options).setSsl(true).setHostnameVerificationAlgorithm("")
                .setKeyCertOptions(keyCert()).setTrustOptions(trust()).setEnabledSecureTransportProtocols(PROTOCOLS);
    }

    /** The server's options as the files hold them now, for a port already listening. */
    public ServerSSLOptions serverReloaded() {
        return new ServerSSLOptions().setClientAuth(ClientAuth.REQUIRED).setKeyCertOptions(keyCert())
                .setTrustOptions(trust()).setEnabledSecureTransportProtocols(PROTOCOLS);
    }

    ClientSSLOptions clientReloaded() {
        return new ClientSSLOptions().setHostnameVerificationAlgorithm("").setKeyCertOptions(keyCert())
                .setTrustOptions(trust()).setEnabledSecureTransportProtocols(PROTOCOLS);
    }

    private PemKeyCertOptions keyCert() {
        return new PemKeyCertOptions().setKeyPath(config.key()).setCertPath(config.cert());
    }

    private PemTrustOptions trust() {
        return new PemTrustOptions().addCertPath(config.ca());
    }

    /**
     * Checks the files every {@link PeerTlsConfig#reloadCheckSeconds} and runs {@code changed} when
     * any was replaced or rewritten (security.md, Rotation). The checks are asynchronous: no file
     * is read on the event loop.
     *
     * @return the timer, to cancel when the member stops
     */
    public long watch(Vertx vertx, Runnable changed) {
        FileSystem files = vertx.fileSystem();
        List<String> paths = List.of(config.key(), config.cert(), config.ca());
        Runnable check = () -> Future.all(paths.stream().map(files::props).toList())
                .map(all -> all.<FileProps>list().stream()
                        .map(props -> props.lastModifiedTime() + "/" + props.size()).toList())
                .onSuccess(now -> {
                    if (lastSeen != null && !lastSeen.equals(now)) {
                        changed.run();
                    }
                    lastSeen = now;
                });
        check.run();
        return vertx.setPeriodic(config.reloadCheckSeconds() * 1000L, t -> check.run());
    }
}
