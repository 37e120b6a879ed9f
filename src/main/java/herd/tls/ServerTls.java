package herd.tls;

import herd.config.ServerTlsConfig;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.ServerSSLOptions;
import java.util.List;
import java.util.Set;

/**
 * TLS where the member is the server and clients need no certificate: the TLS client port
 * (security.md, Client TLS) and the admin endpoint's HTTPS (admin.md). TLS 1.3 or 1.2, the
 * member's key and certificate from PEM files, taken again when the files are replaced.
 */
public final class ServerTls {

    /** The versions offered and accepted wherever the herd speaks TLS. */
    public static final Set<String> PROTOCOLS = Set.of("TLSv1.3", "TLSv1.2");

    private final ServerTlsConfig config;

    public ServerTls(ServerTlsConfig config) {
        this.config = config;
    }

    /** {@code options} (a TCP or HTTP server's) with TLS added. */
    public <T extends NetServerOptions> T server(T options) {
        options.setSsl(true);
        options.setKeyCertOptions(keyCert());
        options.setEnabledSecureTransportProtocols(PROTOCOLS);
        return options;
    }

    /** The options as the files hold them now, for a server already listening. */
    public ServerSSLOptions reloaded() {
        return new ServerSSLOptions().setKeyCertOptions(keyCert()).setEnabledSecureTransportProtocols(PROTOCOLS);
    }

    private PemKeyCertOptions keyCert() {
        return new PemKeyCertOptions().setKeyPath(config.key()).setCertPath(config.cert());
    }

    /** Runs {@code changed} whenever the key or certificate file is replaced; returns the timer. */
    public long watch(Vertx vertx, Runnable changed) {
        return new FileWatch(List.of(config.key(), config.cert()), config.reloadCheckSeconds()).start(vertx, changed);
    }
}
