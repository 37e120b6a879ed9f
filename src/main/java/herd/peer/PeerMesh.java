package herd.peer;

import herd.config.PeerAddress;
import herd.core.LocationTable;
import herd.core.Report;
import herd.logging.TrafficLog;
import herd.protocol.PeerWire;
import herd.protocol.Reply;
import herd.server.LineReceiver;
import herd.server.PeerAcceptor;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import org.slf4j.Logger;

/**
 * This member's links to its neighbours, and the flooding rule (PROTOCOL.md §5): a report
 * that wins in the table goes to every neighbour but the one it came from; one that does
 * not win goes nowhere, which is what ends a flood.
 *
 * <p>Each pair of neighbours is joined by two links, one dialled by each side; a member
 * sends on the link it dialled and receives on the one it accepted.
 *
 * <p>Anti-entropy: whenever a dialled link comes up, and every sync interval after, the
 * two ends compare their tables' bucket digests and exchange the reports of the buckets
 * that differ (see {@link PeerWire}); reports that win flood on as usual. So a member that
 * missed updates while it or a link was down, or restarted empty, catches up.
 */
public final class PeerMesh implements PeerAcceptor {

    private final String self;
    private final LocationTable table;
    private final Logger log;
    private final NetClient client; // a field: Vert.x closes a client nothing refers to
    private final Map<String, PeerLink> links = new LinkedHashMap<>();
    /** The links neighbours dialled into this member, so that removing a neighbour can close them. */
    private final Map<String, Set<InboundPeer>> inbound = new HashMap<>();
    /** How long a link must have carried no update before a periodic comparison runs on it. */
    static final Duration QUIET_BEFORE_SYNC = Duration.ofSeconds(2);

    private final PropagationLatency propagation;
    private final Clock clock;
    private final Vertx vertx;
    private final Duration syncInterval;
    private final PeerAuth auth;
    private long syncTimer = -1;
    private int busyLinks;
    private Consumer<Boolean> holdClients = hold -> { };

    public PeerMesh(Vertx vertx, String self, Map<String, PeerAddress> neighbours, LocationTable table, Clock clock,
                    Duration syncInterval, PeerAuth auth, DoubleConsumer propagationSeconds, Logger log) {
        this.vertx = vertx;
        this.propagation = new PropagationLatency(propagationSeconds);
        this.auth = auth;
        this.self = self;
        this.clock = clock;
        this.syncInterval = syncInterval;
        this.table = table;
        this.log = log;
        this.client = vertx.createNetClient(new NetClientOptions().setTcpNoDelay(true).setConnectTimeout(2000));
        neighbours.forEach((name, address) -> links.put(name, link(name, address)));
    }

    private PeerLink link(String neighbour, PeerAddress address) {
        return new PeerLink(vertx, this, auth, client, self, neighbour, address, log);
    }

    public void start() {
        links.values().forEach(PeerLink::start);
        // While updates stream over a link the two tables are always in flux and every bucket
        // may differ for a moment: comparing then would resend whole tables. The periodic
        // round is for repairing what a quiet link lost; link-ups always compare.
        syncTimer = vertx.setPeriodic(syncInterval.toMillis(), t -> links.values().stream()
                .filter(link -> link.isUp() && link.quietFor(QUIET_BEFORE_SYNC)).forEach(this::compareTables));
    }

    /**
     * Applies a changed neighbour list without a restart: links to new neighbours open (and
     * reconcile tables as every link-up does), links to removed ones close in both directions, a
     * neighbour with a new address is dialled there. Links that did not change are left alone.
     */
    public NeighbourChange reconfigure(Map<String, PeerAddress> neighbours) {
        NeighbourChange change = NeighbourChange.between(addresses(), neighbours);
        for (String name : change.removed()) {
            links.remove(name).close();
            inbound.getOrDefault(name, Set.of()).forEach(InboundPeer::close);
            log.info("neighbour {} removed: its links are closed", name);
        }
        for (String name : change.readdressed()) {
            links.remove(name).close();
            log.info("neighbour {} is now at {}", name, neighbours.get(name));
        }
        for (String name : neighbours.keySet()) {
            if (!links.containsKey(name)) {
                PeerLink link = link(name, neighbours.get(name));
                links.put(name, link);
                link.start();
            }
        }
        change.added().forEach(name -> log.info("neighbour {} added at {}", name, neighbours.get(name)));
        return change;
    }

    private Map<String, PeerAddress> addresses() {
        Map<String, PeerAddress> addresses = new LinkedHashMap<>();
        links.forEach((name, link) -> addresses.put(name, link.address()));
        return addresses;
    }

    void inboundClosed(String neighbour, InboundPeer peer) {
        Set<InboundPeer> peers = inbound.get(neighbour);
        if (peers != null && peers.remove(peer) && peers.isEmpty()) {
            inbound.remove(neighbour);
        }
    }

    /** Told whether the member should stop reading its clients: while any link is busy. */
    public void onBusy(Consumer<Boolean> holdClients) {
        this.holdClients = holdClients;
    }

    /** A link became busy (more waits to be sent on it than it should), or stopped being busy. */
    void linkBusy(boolean busy) {
        busyLinks += busy ? 1 : -1;
        if (busyLinks == (busy ? 1 : 0)) {
            holdClients.accept(busy);
        }
    }

    /**
     * Starts anti-entropy on a dialled link by sending this member's bucket digests: when it comes
     * up, once it caught up after lagging, and every sync interval while it is quiet.
     */
    void compareTables(PeerLink link) {
        link.send(wire(PeerWire.sync(table.bucketDigests())));
    }

    /**
     * The accepting side of anti-entropy: answers a neighbour's digests with this member's
     * reports of the buckets that differ, then names those buckets so that the neighbour
     * sends its own.
     */
    void reconcile(String neighbour, NetSocket socket, String syncLine, TrafficLog.Connection traffic) {
        Optional<long[]> theirs = PeerWire.parseSync(syncLine, LocationTable.BUCKETS);
        if (theirs.isEmpty()) {
            log.warn("ignored a malformed digest line from {}", neighbour);
            return;
        }
        long[] ours = table.bucketDigests();
        boolean[] differ = new boolean[LocationTable.BUCKETS];
        int differing = 0;
        for (int i = 0; i < ours.length; i++) {
            if (ours[i] != theirs.get()[i]) {
                differ[i] = true;
                differing++;
            }
        }
        if (differing == 0) {
            log.debug("anti-entropy with {}: tables equal", neighbour);
            return;
        }
        List<Report> reports = table.reportsIn(differ);
        Buffer answer = lines(reports).appendBytes(wire(PeerWire.need(differ)));
        traffic.out(answer.getBytes());
        socket.write(answer);
        log.info("anti-entropy with {}: {} buckets differ; sent {} reports", neighbour, differing, reports.size());
    }

    /** What a neighbour sends back on the link this member dialled: its reports, then the buckets it needs. */
    void answered(String neighbour, String line) {
        Optional<boolean[]> needed = PeerWire.parseNeed(line, LocationTable.BUCKETS);
        if (needed.isPresent()) {
            List<Report> reports = table.reportsIn(needed.get());
            links.get(neighbour).sendRepair(lines(reports));
            log.info("anti-entropy with {}: sent {} reports it needed", neighbour, reports.size());
            return;
        }
        Optional<Report> report = PeerWire.parseUpdate(line);
        if (report.isPresent()) {
            offer(report.get(), neighbour);
        } else {
            log.warn("ignored a malformed line from {}: {}", neighbour, Reply.readable(line));
        }
    }

    private static Buffer lines(List<Report> reports) {
        Buffer lines = Buffer.buffer();
        reports.forEach(report -> lines.appendBytes(wire(report.atLine())));
        return lines;
    }

    private static byte[] wire(String line) {
        return (line + '\n').getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * Whether the line is an update this member holds already: most lines of a flood are, since
     * it reaches a member from each side; recognising them by their bytes saves parsing them.
     */
    boolean holds(String line) {
        String client = PeerWire.clientOf(line);
        return client != null && table.holds(client, line);
    }

    /** Stores the report if it wins and floods it on; {@code from} is the neighbour it came from, or null. */
    public void offer(Report report, String from) {
        if (!table.offer(report)) {
            return;
        }
        if (from != null) {
            propagation.applied(report, clock.instant());
        }
        byte[] line = wire(report.atLine());
        for (PeerLink link : links.values()) {
            if (!link.neighbour().equals(from)) {
                link.send(line);
            }
        }
    }

    @Override
    public Optional<LineReceiver> accept(PeerWire.Hello hello, NetSocket socket, String connectionId) {
        String name = hello.name();
        if (!links.containsKey(name)) {
            return Optional.empty();
        }
        if (!auth.enabled()) {
            socket.write(PeerWire.hello(self, null, null) + '\n');
            log.info("{} link from {} accepted", connectionId, name);
            return Optional.of(inbound(name, socket, connectionId, null));
        }
        if (hello.nonce() == null) {
            log.warn("{} refused a peer link from {}: it offered no authentication", connectionId, name);
            return Optional.empty();
        }
        String nonce = auth.nonce();
        socket.write(PeerWire.hello(self, nonce, auth.acceptorProof(name, self, hello.nonce())) + '\n');
        log.info("{} link from {} accepted, awaiting its proof", connectionId, name);
        return Optional.of(inbound(name, socket, connectionId, auth.diallerProof(name, self, nonce)));
    }

    private InboundPeer inbound(String name, NetSocket socket, String connectionId, String expectedProof) {
        InboundPeer peer = new InboundPeer(this, name, socket, connectionId, expectedProof, log);
        inbound.computeIfAbsent(name, neighbour -> new HashSet<>()).add(peer);
        return peer;
    }

    public PropagationLatency propagation() {
        return propagation;
    }

    public Set<String> neighbours() {
        return links.keySet();
    }

    /** Each dialled link's state: up or down, since when, how often it re-opened, busy or not, what it did not send. */
    public Map<String, LinkState> linkStates() {
        Map<String, LinkState> states = new LinkedHashMap<>();
        links.forEach((name, link) -> states.put(name,
                new LinkState(link.isUp(), link.stateSince(), link.reopenings(), link.busy(), link.unsent())));
        return states;
    }

    /**
     * The state of one link, as the admin endpoint shows it.
     *
     * @param busy the member holds its clients until more of what waits on it is sent
     * @param unsent updates not sent on it while it lagged (anti-entropy sent them after)
     */
    public record LinkState(boolean up, Instant since, int reopenings, boolean busy, long unsent) {
    }

    /** The neighbours whose link from this member is up. */
    public Set<String> linksUp() {
        Set<String> up = new TreeSet<>();
        links.values().stream().filter(PeerLink::isUp).forEach(link -> up.add(link.neighbour()));
        return up;
    }

    public Future<Void> close() {
        vertx.cancelTimer(syncTimer);
        List<Future<Void>> closing = new ArrayList<>();
        links.values().forEach(link -> closing.add(link.close()));
        return Future.join(closing).compose(done -> client.close());
    }
}
