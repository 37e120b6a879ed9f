package herd.peer;

import herd.config.PeerTlsConfig;
import herd.tls.FileWatch;
import herd.tls.ServerTls;
import io.vertx.core.Vertx;
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

    private static final Set<String> PROTOCOLS = ServerTls.PROTOCOLS;

    private final PeerTlsConfig config;

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

    /** Runs {@code changed} whenever any of the three files is replaced (security.md, Rotation); returns the timer. */
    public long watch(Vertx vertx, Runnable changed) {
        return new FileWatch(List.of(config.key(), config.cert(), config.ca()), config.reloadCheckSeconds())
                .start(vertx, changed);
    }
}
