package herd.loadgen;

import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What one update cost a member's peer links while measuring, from the members' counters
 * (admin.md, {@code peerTraffic}): per update accepted anywhere in the herd, the lines and bytes
 * a member received and sent, and how many of those received it held already: the mean over the
 * members and the most at any one. Null figures when no status was read or no update was accepted.
 */
record PeerCost(Figure linesIn, Figure bytesIn, Figure linesOut, Figure bytesOut, Figure repeatsIn) {

    private static final List<String> COUNTS = List.of("linesIn", "bytesIn", "linesOut", "bytesOut", "repeatsIn");

    /** Mean and most over the members, per update. */
    record Figure(double mean, double max) {
    }

    static PeerCost between(Map<String, JsonObject> before, Map<String, JsonObject> after, long updates) {
        List<String> members = after.keySet().stream().filter(before::containsKey).toList();
        if (members.isEmpty() || updates == 0) {
            return null;
        }
        Figure[] figures = new Figure[COUNTS.size()];
        for (int c = 0; c < COUNTS.size(); c++) {
            String count = COUNTS.get(c);
            double[] perUpdate = members.stream().mapToDouble(member -> (double) (MemberStatuses.peer(after.get(member), count)
                    - MemberStatuses.peer(before.get(member), count)) / updates).toArray();
            figures[c] = new Figure(Arrays.stream(perUpdate).average().orElse(0),
                    Arrays.stream(perUpdate).max().orElse(0));
        }
        return new PeerCost(figures[0], figures[1], figures[2], figures[3], figures[4]);
    }

    String table() {
        return String.format("peer links          per update, each member (mean / most): received %.2f / %.2f lines"
                        + " (%.2f / %.2f it held already), %.0f / %.0f bytes; sent %.2f / %.2f lines, %.0f / %.0f bytes%n",
                linesIn.mean(), linesIn.max(), repeatsIn.mean(), repeatsIn.max(), bytesIn.mean(), bytesIn.max(),
                linesOut.mean(), linesOut.max(), bytesOut.mean(), bytesOut.max());
    }

    JsonObject json() {
        JsonObject json = new JsonObject();
        Figure[] figures = {linesIn, bytesIn, linesOut, bytesOut, repeatsIn};
        for (int c = 0; c < COUNTS.size(); c++) {
            json.put(COUNTS.get(c), new JsonObject().put("mean", round(figures[c].mean())).put("max", round(figures[c].max())));
        }
        return json;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
