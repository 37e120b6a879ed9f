package herd.admin;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A latency distribution as the live page plots it: the values at a fixed set of percentiles,
 * read from the histogram a member's {@code /status} carries (admin.md), which the page need not
 * decode itself.
 */
final class LatencyCurve {

    /** Denser towards the tail, where latency lives; the page spaces them by 1 / (1 - p). */
    static final double[] PERCENTILES = {0, 25, 50, 75, 90, 95, 99, 99.5, 99.9, 99.95, 99.99, 100};

    private LatencyCurve() {
    }

    /**
     * Replaces the figures' {@code histogram} (HdrHistogram's compressed form, base64) with
     * {@code percentiles} (microseconds at each of {@link #PERCENTILES}); an unreadable
     * histogram gives an empty list.
     */
    static void replaceHistogram(JsonObject figures) {
        if (figures == null || !(figures.remove("histogram") instanceof String encoded)) {
            return;
        }
        JsonArray values = new JsonArray();
        HistogramText.decode(encoded).ifPresent(micros -> {
            for (double percentile : PERCENTILES) {
                values.add(micros.getValueAtPercentile(percentile));
            }
        });
        figures.put("percentiles", values);
    }

    static JsonArray percentiles() {
        JsonArray percentiles = new JsonArray();
        for (double percentile : PERCENTILES) {
            percentiles.add(percentile);
        }
        return percentiles;
    }
}
