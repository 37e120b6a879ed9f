package herd.loadgen;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/**
 * One run's figures: as a table for people and as JSON for scripts. Latencies in microseconds.
 *
 * @param appliedPerSecond by member, the updates it applied per second while measuring (accepted
 *                         from its clients or flooded to it); the least is what the herd sustains
 * @param floodRepliesPerSecond replies to the flooding connection (not in the reply latency), or null without one
 * @param peerCost         what one update cost each member's peer links, or null if not read
 * @param cpuMicrosPerUpdate CPU time of the herd's processes per update accepted, or null if not measured
 */
record Results(double sentPerSecond, double repliesPerSecond, Map<String, Double> appliedPerSecond,
               Histogram replyMicros,
               Map<String, Histogram> propagationMicros, long unanswered, long invalidReplies,
               long connectFailures, long connectionsLost, long idleConnections, Double floodRepliesPerSecond,
               PeerCost peerCost, Double cpuMicrosPerUpdate) {

    boolean clean() {
        return unanswered == 0 && invalidReplies == 0 && connectFailures == 0 && connectionsLost == 0;
    }

    String table() {
        StringBuilder out = new StringBuilder("\n");
        out.append(String.format("throughput          %,12.0f replies/s (%,.0f commands/s sent)%n", repliesPerSecond, sentPerSecond));
        slowestMember().ifPresent(slowest -> out.append(String.format(
                "sustained herd-wide %,12.0f updates/s applied at every member (the slowest, %s)%n",
                slowest.getValue(), slowest.getKey())));
        out.append(String.format("reply latency       p50 %8.2f ms   p99 %8.2f ms   p99.9 %8.2f ms   max %8.2f ms%n",
                ms(replyMicros, 50), ms(replyMicros, 99), ms(replyMicros, 99.9), replyMicros.getMaxValue() / 1000.0));
        propagationMicros.forEach((member, micros) -> out.append(String.format(
                "propagation %-8s p50 %8.2f ms   p99 %8.2f ms   max %8.2f ms   (%,d updates)%n",
                member, ms(micros, 50), ms(micros, 99), micros.getMaxValue() / 1000.0, micros.getTotalCount())));
        Histogram worst = worstMember();
        if (worst != null) {
            out.append(String.format("propagation worst   p50 %8.2f ms   p99 %8.2f ms   max %8.2f ms%n",
                    ms(worst, 50), ms(worst, 99), worst.getMaxValue() / 1000.0));
            Histogram all = allMembers();
            out.append(String.format("propagation, all    p50 %8.2f ms   p99 %8.2f ms   max %8.2f ms   (every member's merged)%n",
                    ms(all, 50), ms(all, 99), all.getMaxValue() / 1000.0));
        }
        if (peerCost != null) {
            out.append(peerCost.table());
        }
        if (cpuMicrosPerUpdate != null) {
            out.append(String.format("herd CPU            %.1f us per update (all members' processes)%n", cpuMicrosPerUpdate));
        }
        out.append(String.format("errors              unanswered %d, invalid replies %d, connect failures %d, connections lost %d%n",
                unanswered, invalidReplies, connectFailures, connectionsLost));
        if (idleConnections > 0) {
            out.append(String.format("idle connections    %,d%n", idleConnections));
        }
        if (floodRepliesPerSecond != null) {
            out.append(String.format("flooding connection %,12.0f replies/s (not in the reply latency above)%n",
                    floodRepliesPerSecond));
        }
        return out.toString();
    }

    /** The member updates took longest to reach (by p99): it bounds "applied at every member". */
    private Histogram worstMember() {
        return propagationMicros.values().stream().filter(h -> h.getTotalCount() > 0)
                .max((a, b) -> Long.compare(a.getValueAtPercentile(99), b.getValueAtPercentile(99))).orElse(null);
    }

    /** Every member's propagation figures in one: how long updates took to reach a member, any member. */
    private Histogram allMembers() {
        Histogram all = new Histogram(3);
        propagationMicros.values().forEach(all::add);
        return all;
    }

    private Optional<Map.Entry<String, Double>> slowestMember() {
        return appliedPerSecond.entrySet().stream().min(Map.Entry.comparingByValue());
    }

    JsonObject json() {
        JsonObject propagation = new JsonObject();
        propagationMicros.forEach((member, micros) -> propagation.put(member, summary(micros)));
        Histogram worst = worstMember();
        return new JsonObject()
                .put("repliesPerSecond", Math.round(repliesPerSecond))
                .put("sustainedPerSecond", slowestMember().map(slowest -> Math.round(slowest.getValue())).orElse(null))
                .put("sentPerSecond", Math.round(sentPerSecond))
                .put("replyLatencyMs", summary(replyMicros))
                .put("propagationMs", propagation)
                .put("propagationWorstMs", worst == null ? null : summary(worst))
                .put("propagationAllMs", worst == null ? null : summary(allMembers()))
                .put("peerPerUpdate", peerCost == null ? null : peerCost.json())
                .put("cpuMicrosPerUpdate", cpuMicrosPerUpdate == null ? null : Math.round(cpuMicrosPerUpdate * 10) / 10.0)
                .put("unanswered", unanswered)
                .put("invalidReplies", invalidReplies)
                .put("connectFailures", connectFailures)
                .put("connectionsLost", connectionsLost)
                .put("idleConnections", idleConnections)
                .put("floodRepliesPerSecond", floodRepliesPerSecond == null ? null : Math.round(floodRepliesPerSecond));
    }

    private static JsonObject summary(Histogram micros) {
        return new JsonObject()
                .put("count", micros.getTotalCount())
                .put("p50", ms(micros, 50))
                .put("p99", ms(micros, 99))
                .put("p999", ms(micros, 99.9))
                .put("max", micros.getMaxValue() / 1000.0);
    }

    private static double ms(Histogram micros, double percentile) {
        return micros.getValueAtPercentile(percentile) / 1000.0;
    }
}
