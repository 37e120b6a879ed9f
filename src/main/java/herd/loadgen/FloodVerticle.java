package herd.loadgen;

import herd.config.MemberConfig;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.net.NetClient;

/**
 * The flooding connection, on an event loop of its own: framing its hundred thousand replies
 * a burst must not delay the load connections' sends and replies, which are what is measured.
 */
final class FloodVerticle extends VerticleBase {

    private final MemberConfig target;
    private final ClientPorts ports;
    private final int burst;
    private final LoadStats stats;
    private NetClient client;
    private FloodConnection flood;

    FloodVerticle(MemberConfig target, ClientPorts ports, int burst, LoadStats stats) {
        this.target = target;
        this.ports = ports;
        this.burst = burst;
        this.stats = stats;
    }

    @Override
    public Future<?> start() {
        client = vertx.createNetClient(ports.options());
        return client.connect(ports.address(target))
                .onSuccess(socket -> flood = new FloodConnection(socket, burst, stats.floodReplies))
                .onFailure(failure -> stats.connectFailures.increment())
                .otherwiseEmpty();
    }

    void run() {
        context.runOnContext(v -> {
            if (flood != null) {
                flood.start();
            }
        });
    }

    void stopSending() {
        context.runOnContext(v -> {
            if (flood != null) {
                flood.stopSending();
            }
        });
    }

    @Override
    public Future<?> stop() {
        if (flood != null) {
            flood.close();
        }
        return client.close();
    }
}
