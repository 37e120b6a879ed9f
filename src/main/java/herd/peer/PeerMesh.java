package herd.peer;

import herd.tls.TlsRefusal;
import herd.config.PeerAddress;
import herd.core.LocationTable;
import herd.core.Report;
import herd.protocol.PeerMessage;
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
 * This member's links to its neighbours, and the flooding rule (protocol.md, Updates and flooding): a report
 * that wins in the table goes to every neighbour but the one it came from; one that does
 * not win goes nowhere, which is what ends a flood.
 *
 * <p>Each pair of neighbours is joined by two links, one dialled by each side; a member
 * sends on the link it dialled and receives on the one it accepted.
 *
 * <p>Anti-entropy ({@link AntiEntropy}) repairs what floods missed: a member that missed
 * updates while it or a link was down, or restarted empty, catches up.
 */
public final class PeerMesh implements PeerAcceptor {

    private final LocationTable table;
    private final Logger log;
    private final NetClient client; // a field: Vert.x closes a client nothing refers to
    private final Map<String, PeerLink> links = new LinkedHashMap<>();
    /** The links neighbours dialled into this member, so that removing a neighbour can close them. */
    private final Map<String, Set<InboundPeer>> inbound = new HashMap<>();
    /**
     * Unauthenticated handshakes under way in one neighbour's name: its own redial needs one; a
     * process without the secret that opens many gets no more (each ends within the handshake's deadline).
     */
    static final int MAX_HANDSHAKES_PER_NEIGHBOUR = 2;

    private final PropagationLatency propagation;
    private final Clock clock;
    private final Vertx vertx;
    private final PeerHandshake handshake;
    private final AntiEntropy antiEntropy;
    private final FirstExchange firstExchange;
    private final PeerTraffic traffic = new PeerTraffic();
    private int busyLinks;
    private Consumer<Boolean> holdClients = hold -> { };
    private Consumer<String> refusals = reason -> { };
    /** Told each report stored, while someone watches (the live page); null while no one does. */
    private Consumer<Report> stored;

    /** @param tls mutual TLS for the links this member dials, or null for plain TCP */
    public PeerMesh(Vertx vertx, String self, Map<String, PeerAddress> neighbours, LocationTable table, Clock clock,
                    Duration syncInterval, PeerAuth auth, PeerTls tls, DoubleConsumer propagationSeconds, Logger log) {
        this.vertx = vertx;
        this.propagation = new PropagationLatency(propagationSeconds);
        this.handshake = new PeerHandshake(self, auth);
        this.firstExchange = new FirstExchange(log);
        this.antiEntropy = new AntiEntropy(vertx, table, syncInterval, traffic, firstExchange, log);
        this.clock = clock;
        this.table = table;
        this.log = log;
        NetClientOptions options = new NetClientOptions().setTcpNoDelay(true).setConnectTimeout(2000);
        this.client = vertx.createNetClient(tls == null ? options : tls.client(options));
        neighbours.forEach((name, address) -> links.put(name, link(name, address)));
    }

    private PeerLink link(String neighbour, PeerAddress address) {
        return new PeerLink(vertx, this, antiEntropy, handshake, client, neighbour, address, traffic, log);
    }

    public void start() {
        links.values().forEach(PeerLink::start);
        antiEntropy.start(links::values);
        firstExchange.start(vertx, links.isEmpty());
    }

    /** Whether this member has caught up with its herd, so it is ready (admin.md, Readiness). */
    public boolean caughtUp() {
        return firstExchange.over();
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

    /** Told the reason of each refused peer link or connection to the peer port (security.md, Refusals). */
    public void onRefused(Consumer<String> refusals) {
        this.refusals = refusals;
    }

    /** Logs a refusal at WARN, with who and why, and counts it; the table is not touched. */
    void refused(String who, String reason, String why) {
        log.warn("{} refused ({}): {}", who, reason, why);
        countRefusal(reason);
    }

    void countRefusal(String reason) {
        refusals.accept(reason);
    }

    /** The certificate files were replaced: links dialled from now on present the new ones (security.md, Rotation). */
    public Future<Boolean> reloadTls(PeerTls tls) {
        return client.updateSSLOptions(tls.clientReloaded(), true);
    }

    @Override
    public void refusedBeforeHello(String connectionId, String reason, String why) {
        refused(connectionId, reason, why);
    }

    @Override
    public void failedBeforeConnecting(Throwable failure) {
        if (TlsRefusal.isTls(failure)) {
            refused("a connection to the peer port", TlsRefusal.reason(failure), TlsRefusal.describe(failure));
        } else {
            log.debug("a connection to the peer port failed: {}", failure.getMessage());
        }
    }

    /** Told each report this member stores from now on, or, with null, no longer told. On the member's event loop. */
    public void onStored(Consumer<Report> stored) {
        this.stored = stored;
    }

    /** Whether someone is told of each report stored. On the member's event loop. */
    public boolean watched() {
        return stored != null;
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

    /** The accepting side of anti-entropy, for a link into this member. */
    AntiEntropy antiEntropy() {
        return antiEntropy;
    }

    /** What a neighbour sends back on the link this member dialled: reports, and the buckets it needs. */
    void answered(PeerLink link, String line) {
        if (holds(line)) {
            return;
        }
        PeerMessage message = PeerWire.decode(line);
        if (message instanceof PeerMessage.Update update) {
            offer(update.report(), link.neighbour());
        } else if (message instanceof PeerMessage.SyncNeed need) {
            antiEntropy.need(link, need);
            firstExchange.answered(vertx, link.neighbour());
        } else {
            log.warn("ignored {} from {}: {}", whyIgnored(message, "a link this member dialled"), link.neighbour(),
                    Reply.readable(line));
        }
    }

    /** Why a line is ignored: what was wrong with it, or that its message does not belong on {@code link}. */
    static String whyIgnored(PeerMessage message, String link) {
        return message instanceof PeerMessage.Refused refused ? refused.reason()
                : "a " + message.getClass().getSimpleName() + " message on " + link;
    }

    /**
     * Whether the line is an update this member holds already: most lines of a flood are, since
     * it reaches a member from each side; recognising them by their bytes saves parsing them.
     */
    boolean holds(String line) {
        String client = PeerWire.clientOf(line);
        boolean held = client != null && table.holds(client, line);
        if (held) {
            traffic.repeat();
        }
        return held;
    }

    /** Counts a line a neighbour sent on either link. */
    void received(String line) {
        traffic.received(line);
    }

    /** Stores the report if it wins and floods it on; {@code from} is the neighbour it came from, or null. */
    public void offer(Report report, String from) {
        if (!table.offer(report)) {
            return;
        }
        if (stored != null) {
            stored.accept(report);
        }
        if (from != null) {
            propagation.applied(report, clock.instant());
        }
        byte[] line = PeerWire.encode(new PeerMessage.Update(report));
        for (PeerLink link : links.values()) {
            if (!link.neighbour().equals(from)) {
                link.send(line);
            }
        }
    }

    @Override
    public Optional<LineReceiver> accept(PeerMessage.Hello hello, NetSocket socket, String connectionId,
                                         Runnable authenticated) {
        String name = hello.name();
        if (!links.containsKey(name)) {
            refused(connectionId + " link from " + Reply.readable(name), "not-neighbour", "not a neighbour");
            return Optional.empty();
        }
        Optional<String> stranger = PeerIdentity.refusal(socket, name);
        if (stranger.isPresent()) {
            refused(connectionId + " link from " + name, "wrong-name", stranger.get());
            socket.close();
            return Optional.empty();
        }
        Optional<PeerHandshake.Acceptor> acceptor = handshake.accept(hello);
        if (acceptor.isEmpty()) {
            refused(connectionId + " link from " + name, "no-proof", "it offered no authentication");
            return Optional.empty();
        }
        long handshakes = inbound.getOrDefault(name, Set.of()).stream().filter(InboundPeer::handshaking).count();
        if (handshakes >= MAX_HANDSHAKES_PER_NEIGHBOUR) {
            refused(connectionId + " link from " + name, "handshakes",
                    handshakes + " handshakes in its name are already under way");
            return Optional.empty();
        }
        socket.write(Buffer.buffer(PeerWire.encode(acceptor.get().reply())));
        log.info("{} link from {} accepted{}", connectionId, name,
                acceptor.get().awaitsProof() ? ", awaiting its proof" : "");
        InboundPeer peer = new InboundPeer(this, name, socket, connectionId, acceptor.get(), authenticated, log);
        inbound.computeIfAbsent(name, neighbour -> new HashSet<>()).add(peer);
        peer.start();
        return Optional.of(peer);
    }

    /**
     * A neighbour proved who it is on a link it dialled: it is running, so if this member's own
     * link to it is down and waiting out its back-off, it dials now rather than leave the
     * neighbour without this member's updates until the back-off ends.
     */
    void inboundAuthenticated(String neighbour) {
        PeerLink link = links.get(neighbour);
        if (link != null) {
            link.neighbourCameBack();
        }
    }

    Vertx vertx() {
        return vertx;
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

    /** What crossed this member's peer links since it started. */
    public Traffic traffic() {
        return traffic.totals();
    }

    /**
     * Peer-link traffic since the member started, both ways, with line ends.
     *
     * @param repeatsIn updates received that this member held already (a flood's copies from its other sides)
     */
    public record Traffic(long linesIn, long bytesIn, long linesOut, long bytesOut, long repeatsIn) {
    }

    /** What anti-entropy repaired since the member started. */
    public Repairs repairs() {
        return antiEntropy.repairs();
    }

    /**
     * @param exchanges   exchanges in which this member, answering a neighbour's digests, found buckets that differed
     * @param reportsSent reports this member sent to repair a neighbour's table, either way
     */
    public record Repairs(long exchanges, long reportsSent) {
    }

    /** The neighbours whose link from this member is up. */
    public Set<String> linksUp() {
        Set<String> up = new TreeSet<>();
        links.values().stream().filter(PeerLink::isUp).forEach(link -> up.add(link.neighbour()));
        return up;
    }

    public Future<Void> close() {
        antiEntropy.stop();
        firstExchange.stop(vertx);
        List<Future<Void>> closing = new ArrayList<>();
        links.values().forEach(link -> closing.add(link.close()));
        return Future.join(closing).compose(done -> client.close());
    }
}
