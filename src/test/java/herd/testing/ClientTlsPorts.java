package herd.testing;

import herd.config.AdminConfig;
import herd.config.ClientTlsConfig;
import herd.config.MemberConfig;
import herd.config.MemberConfigBuilder;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Gives each member of a test herd a TLS client port with a certificate of {@code ca} (security.md,
 * Client TLS) and a plain peer port; the members {@code tlsOnly} names lose their plain client port,
 * and with {@code httpsAdmin} admin endpoints serve HTTPS. For {@link TestHerd#standard}'s {@code adjust}.
 */
public final class ClientTlsPorts implements UnaryOperator<MemberConfigBuilder> {

    private final TestCa ca;
    private final Predicate<String> tlsOnly;
    private final boolean httpsAdmin;
    private final PeerPorts peerPorts = PeerPorts.plain();

    public ClientTlsPorts(TestCa ca, Predicate<String> tlsOnly, boolean httpsAdmin) {
        this.ca = ca;
        this.tlsOnly = tlsOnly;
        this.httpsAdmin = httpsAdmin;
    }

    @Override
    public MemberConfigBuilder apply(MemberConfigBuilder builder) {
        MemberConfig c = peerPorts.apply(builder).build();
        MemberConfigBuilder tls = c.toBuilder().clientTls(new ClientTlsConfig(FreePorts.next(), ca.server(c.name())));
        if (httpsAdmin) {
            tls.admin(new AdminConfig(c.admin().host(), c.admin().port(), ca.server(c.name())));
        }
        return tlsOnly.test(c.name()) ? tls.port(0) : tls;
    }
}
