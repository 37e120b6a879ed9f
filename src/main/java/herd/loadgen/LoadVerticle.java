package herd.loadgen;

import herd.config.MemberConfig;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import java.util.ArrayList;
import java.util.List;

/** One event loop's share of the load: its connections and, in open loop, their schedule. */
final class LoadVerticle extends VerticleBase {

    private static final long TICK_MS = 1;

    private final List<MemberConfig> targets;
    private final ClientPorts ports;
    private final double perConnectionRate;
    private final int depth;
    private final int idlePerTarget;
    private final Workload workload;
    private final LoadStats stats;
    private final double firstPhase;
    private final double phaseStep;
    private final List<BenchConnection> connections = new ArrayList<>();
    private final List<NetSocket> idle = new ArrayList<>();
    private NetClient client;
    private boolean sending = true;

    /**
     * @param targets           one entry per load connection (members, repeated)
     * @param perConnectionRate commands per second per connection; 0 for closed loop
     * @param depth             closed loop: commands written at once, and awaited before the next write
     * @param firstPhase        open loop: the phase of the first connection (see {@link BenchConnection}),
     *                          then {@code phaseStep} more for each next one
     */
    LoadVerticle(List<MemberConfig> targets, ClientPorts ports, double perConnectionRate, int depth, int idlePerTarget,
                 Workload workload, LoadStats stats, double firstPhase, double phaseStep) {
        this.firstPhase = firstPhase;
        this.phaseStep = phaseStep;
        this.targets = targets;
        this.ports = ports;
        this.perConnectionRate = perConnectionRate;
        this.depth = depth;
        this.idlePerTarget = idlePerTarget;
        this.workload = workload;
        this.stats = stats;
    }

    @Override
    public Future<?> start() {
        client = vertx.createNetClient(ports.options());
        List<Future<NetSocket>> opening = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            double phase = firstPhase + i * phaseStep;
            MemberConfig target = targets.get(i);
            opening.add(client.connect(ports.address(target)).onSuccess(socket ->
                    connections.add(new BenchConnection(socket, target.name(), workload, stats, phase)))
                    .onFailure(failure -> stats.connectFailures.increment()));
        }
        targets.stream().distinct().forEach(target -> {
            for (int i = 0; i < idlePerTarget; i++) {
                opening.add(client.connect(ports.address(target)).onSuccess(socket -> {
                            idle.add(socket);
                            stats.idleOpen.increment();
                        })
                        .onFailure(failure -> stats.connectFailures.increment()));
            }
        });
        return Future.join(opening).otherwiseEmpty();
    }

    /** Starts sending, from now until {@link #stopSending()}. */
    void run() {
        context.runOnContext(v -> {
            if (perConnectionRate == 0) {
                connections.forEach(connection -> connection.startClosedLoop(depth));
                return;
            }
            long start = System.nanoTime();
            vertx.setPeriodic(TICK_MS, timer -> {
                if (!sending) {
                    vertx.cancelTimer(timer);
                    return;
                }
                long now = System.nanoTime();
                connections.forEach(connection -> connection.sendDue(start, now, perConnectionRate));
            });
        });
    }

    void stopSending() {
        context.runOnContext(v -> {
            sending = false;
            connections.forEach(BenchConnection::stopSending);
        });
    }

    @Override
    public Future<?> stop() {
        connections.forEach(BenchConnection::close);
        idle.forEach(NetSocket::close);
        return client.close();
    }
}
