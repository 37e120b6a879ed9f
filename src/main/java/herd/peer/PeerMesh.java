package herd.peer;

import herd.config.PeerAddress;
import herd.core.LocationTable;
import herd.core.Report;
import herd.protocol.PeerWire;
import herd.server.LineReceiver;
import herd.server.PeerAcceptor;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;

/**
 * This member's links to its neighbours, and the flooding rule (PROTOCOL.md §5): a report
 * that wins in the table goes to every neighbour but the one it came from; one that does
 * not win goes nowhere, which is what ends a flood.
 *
 * <p>Each pair of neighbours is joined by two links, one dialled by each side; a member
 * sends on the link it dialled and receives on the one it accepted.
 */
public final class PeerMesh implements PeerAcceptor {

    private final String self;
    private final LocationTable table;
    private final Logger log;
    private final NetClient client; // a field: Vert.x closes a client nothing refers to
    private final Map<String, PeerLink> links;
    private final PropagationLatency propagation = new PropagationLatency();
    private final Clock clock;

    public PeerMesh(Vertx vertx, String self, Map<String, PeerAddress> neighbours, LocationTable table, Clock clock,
                    Logger log) {
        this.self = self;
        this.clock = clock;
        this.table = table;
        this.log = log;
        this.client = vertx.createNetClient(new NetClientOptions().setTcpNoDelay(true).setConnectTimeout(2000));
        Map<String, PeerLink> dialled = new LinkedHashMap<>();
        neighbours.forEach((name, address) -> dialled.put(name, new PeerLink(vertx, client, self, name, address, log)));
        this.links = dialled;
    }

    public void start() {
        links.values().forEach(PeerLink::start);
    }

    /** Stores the report if it wins and floods it on; {@code from} is the neighbour it came from, or null. */
    public void offer(Report report, String from) {
        if (!table.offer(report)) {
            return;
        }
        if (from != null) {
            propagation.applied(report, clock.instant());
        }
        byte[] line = (report.atLine() + '\n').getBytes(StandardCharsets.ISO_8859_1);
        for (PeerLink link : links.values()) {
            if (!link.neighbour().equals(from)) {
                link.send(line);
            }
        }
    }

    @Override
    public Optional<LineReceiver> accept(String name, NetSocket socket, String connectionId) {
        if (!links.containsKey(name)) {
            return Optional.empty();
        }
        socket.write(PeerWire.hello(self) + '\n');
        log.info("{} link from {} accepted", connectionId, name);
        return Optional.of(new InboundPeer(this, name, socket, connectionId, log));
    }

    public PropagationLatency propagation() {
        return propagation;
    }

    public Set<String> neighbours() {
        return links.keySet();
    }

    /** The neighbours whose link from this member is up. */
    public Set<String> linksUp() {
        Set<String> up = new TreeSet<>();
        links.values().stream().filter(PeerLink::isUp).forEach(link -> up.add(link.neighbour()));
        return up;
    }

    public Future<Void> close() {
        List<Future<Void>> closing = new ArrayList<>();
        links.values().forEach(link -> closing.add(link.close()));
        return Future.join(closing).compose(done -> client.close());
    }
}
