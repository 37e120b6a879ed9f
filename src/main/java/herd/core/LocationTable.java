package herd.core;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Every client's winning report. Safe to share between event loops. */
public final class LocationTable {

    private final ConcurrentMap<String, Report> reports = new ConcurrentHashMap<>();

    /**
     * Stores the report if it beats the one held for its client.
     *
     * @return whether it was stored (and so must be flooded on)
     */
    public boolean offer(Report report) {
        boolean[] stored = {false};
        reports.compute(report.clientId(), (id, held) -> {
            if (held == null || report.beats(held)) {
                stored[0] = true;
                return report;
            }
            return held;
        });
        return stored[0];
    }

    public Optional<Report> get(String clientId) {
        return Optional.ofNullable(reports.get(clientId));
    }

    public int size() {
        return reports.size();
    }
}
