package herd.loadgen;

import herd.config.MemberConfig;
import herd.config.WildcardHost;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.SocketAddress;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which of a member's client ports herd-bench connects to: the plain one, or the TLS one
 * (security.md, Client TLS), whose certificate must then name 127.0.0.1 and be signed by
 * {@code ca} (or an authority the JVM trusts).
 *
 * @param ca a PEM file of the authorities to trust, or null for the JVM's default trust store
 */
record ClientPorts(boolean tls, Path ca) {

    /** The options of every load connection: no Nagle, and TLS if asked. */
    NetClientOptions options() {
        NetClientOptions options = new NetClientOptions().setTcpNoDelay(true).setConnectTimeout(10_000);
        if (!tls) {
            return options;
        }
        options.setSsl(true).setHostnameVerificationAlgorithm("HTTPS");
        return ca == null ? options : options.setTrustOptions(new PemTrustOptions().addCertPath(ca.toString()));
    }

    SocketAddress address(MemberConfig member) {
        return SocketAddress.inetSocketAddress(tls ? member.clientTls().port() : member.port(),
                WildcardHost.orLoopback(member.host()));
    }

    /** Why {@code member} cannot be loaded so, if it cannot. */
    Optional<String> missing(MemberConfig member) {
        if (tls && member.clientTls() == null) {
            return Optional.of(member.name() + " has no TLS client port (clientTls)");
        }
        if (!tls && !member.hasPlainPort()) {
            return Optional.of(member.name() + " has no plain client port (port): use --tls");
        }
        return Optional.empty();
    }
}
