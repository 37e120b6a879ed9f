package herd.loadgen;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The run second by second, as herd-bench prints it, for a CSV file and a plot. */
final class Timeline {

    /** One second of the run: replies so far and in the second, and that second's reply latencies. */
    record Second(String phase, int second, long replies, long perSecond, double p50Ms, double p99Ms, double p999Ms,
                  double maxMs, long outstanding) {
    }

    static final String CSV_HEADER = "elapsed_s,phase,phase_s,replies,replies_per_s,p50_ms,p99_ms,p999_ms,max_ms,outstanding";

    private final List<Second> seconds = new ArrayList<>();

    void add(Second second) {
        seconds.add(second);
    }

    List<Second> seconds() {
        return List.copyOf(seconds);
    }

    String csv() {
        StringBuilder out = new StringBuilder(CSV_HEADER).append('\n');
        for (int i = 0; i < seconds.size(); i++) {
            Second s = seconds.get(i);
            out.append(String.format(Locale.ROOT, "%d,%s,%d,%d,%d,%.3f,%.3f,%.3f,%.3f,%d%n", i + 1, s.phase(), s.second(),
                    s.replies(), s.perSecond(), s.p50Ms(), s.p99Ms(), s.p999Ms(), s.maxMs(), s.outstanding()));
        }
        return out.toString();
    }
}
