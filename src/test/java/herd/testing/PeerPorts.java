package herd.testing;

import herd.config.MemberConfig;
import herd.config.MemberConfigBuilder;
import herd.config.PeerAddress;
import herd.config.PeerTlsConfig;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Gives each member of a test herd a peer port of its own, with its neighbours dialled at theirs,
 * and peer TLS if asked (security.md); for {@link TestHerd#standard}'s {@code adjust}.
 */
public final class PeerPorts implements UnaryOperator<MemberConfigBuilder> {

    private final Map<String, Integer> ports = new HashMap<>();
    private final Function<String, PeerTlsConfig> tls;

    private PeerPorts(Function<String, PeerTlsConfig> tls) {
        this.tls = tls;
    }

    /** Plain TCP on the peer ports. */
    public static PeerPorts plain() {
        return new PeerPorts(member -> null);
    }

    /** @param tls each member's certificate files */
    public static PeerPorts withTls(Function<String, PeerTlsConfig> tls) {
        return new PeerPorts(tls);
    }

    public synchronized int port(String member) {
        return ports.computeIfAbsent(member, name -> FreePorts.next());
    }

    @Override
    public MemberConfigBuilder apply(MemberConfigBuilder builder) {
        MemberConfig c = builder.build();
        Map<String, PeerAddress> neighbours = new LinkedHashMap<>();
        c.neighbours().keySet().forEach(name -> neighbours.put(name, new PeerAddress("127.0.0.1", port(name))));
        return c.toBuilder().neighbours(neighbours).peerPort(port(c.name())).peerTls(tls.apply(c.name()));
    }
}
