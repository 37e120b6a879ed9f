package herd.loadgen;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * Plots src/bench/scale.sh's results: propagation p50 and p99 (every member's merged, and the
 * member updates reach last) against the herd's size, each size labelled with its diameter, and
 * the 50 ms target. Usage: {@code ScalePlot scale.json scale-propagation.svg}. See scale.md.
 */
public final class ScalePlot {

    static final double TARGET_MS = 50;

    private ScalePlot() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: ScalePlot RESULTS.json OUT.svg");
            System.exit(2);
        }
        Files.writeString(Path.of(args[1]), svg(new JsonObject(Files.readString(Path.of(args[0])))));
    }

    /** The sizes measured in one shape (regions, measured for the cut, is left out when there are others). */
    static String svg(JsonObject results) {
        JsonArray summary = results.getJsonArray("summary");
        List<JsonObject> rows = summary.stream().map(JsonObject.class::cast).toList();
        List<JsonObject> sweep = rows.stream().filter(row -> !row.getString("shape").equals("regions")).toList();
        List<JsonObject> plotted = sweep.isEmpty() ? rows : sweep;
        List<String> labels = plotted.stream().map(row -> row.getInteger("members") + " members, diameter "
                + row.getInteger("diameter")).toList();
        JsonObject first = plotted.get(0);
        String title = String.format("Propagation at %,d IAMAT/s, %s herds, by size",
                Math.round(first.getDouble("rate")), first.getString("shape"));
        return LatencyPlot.svg(title, "herd size (diameter: the most hops between two members)", labels, 0, List.of(
                new LatencyPlot.Line("p99, farthest member", "#d62728", values(plotted, "farthest_p99_ms")),
                new LatencyPlot.Line("p99, every member", "#ff7f0e", values(plotted, "propagation_p99_ms")),
                new LatencyPlot.Line("p50, farthest member", "#9467bd", values(plotted, "farthest_p50_ms")),
                new LatencyPlot.Line("p50, every member", "#1f77b4", values(plotted, "propagation_p50_ms")),
                new LatencyPlot.Line("target p99 (50 ms)", "#999999",
                        values(plotted, row -> TARGET_MS))));
    }

    private static double[] values(List<JsonObject> rows, String field) {
        return values(rows, row -> row.getDouble(field) == null ? 0 : row.getDouble(field));
    }

    private static double[] values(List<JsonObject> rows, Function<JsonObject, Double> value) {
        return rows.stream().mapToDouble(value::apply).toArray();
    }
}
