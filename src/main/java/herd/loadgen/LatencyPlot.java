package herd.loadgen;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * SVG plots of latencies on a log scale: a run's reply latency percentiles second by second, the
 * measured seconds apart from the warm-up (a picture of how steady the herd was, not only its
 * summary), or any lines of latencies over labelled points (see {@link ScalePlot}).
 */
final class LatencyPlot {

    private static final int WIDTH = 720;
    private static final int HEIGHT = 360;
    private static final int LEFT = 60;
    private static final int RIGHT = 170;
    private static final int TOP = 30;
    private static final int BOTTOM = 40;
    private static final double FLOOR_MS = 0.01;

    private record Series(String name, String colour, ToDoubleFunction<Timeline.Second> ms) {
    }

    /** One line of a plot: its name, colour and a latency in milliseconds at each point. */
    record Line(String name, String colour, double[] ms) {
    }

    private static final List<Series> SERIES = List.of(
            new Series("max", "#999999", Timeline.Second::maxMs),
            new Series("p99.9", "#d62728", Timeline.Second::p999Ms),
            new Series("p99", "#ff7f0e", Timeline.Second::p99Ms),
            new Series("p50", "#1f77b4", Timeline.Second::p50Ms));

    private LatencyPlot() {
    }

    static String svg(String title, List<Timeline.Second> seconds) {
        List<Line> lines = SERIES.stream().map(series -> new Line(series.name(), series.colour(),
                seconds.stream().mapToDouble(series.ms()).toArray())).toList();
        int warmUp = (int) seconds.stream().filter(s -> !s.phase().equals("measure")).count();
        return svg(title, "seconds of the run", List.of(), warmUp, lines);
    }

    /**
     * @param xLabels   a label under each point, or none
     * @param notMeasured how many points at the start are shaded as not measured
     */
    static String svg(String title, String xTitle, List<String> xLabels, int notMeasured, List<Line> lines) {
        int points = lines.stream().mapToInt(line -> line.ms().length).max().orElse(0);
        double top = Math.max(1, lines.stream().flatMapToDouble(line -> Arrays.stream(line.ms())).max().orElse(1));
        double decades = Math.ceil(Math.log10(top / FLOOR_MS));
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n"
                        + "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n"
                        + "<text x=\"%d\" y=\"18\" font-size=\"14\">%s</text>%n", WIDTH, HEIGHT, LEFT, escape(title)));
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        double step = points > 1 ? (double) plotWidth / (points - 1) : plotWidth;
        if (notMeasured > 0) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"#f0f0f0\"/>%n"
                    + "<text x=\"%d\" y=\"%d\" fill=\"#777\">not measured</text>%n", LEFT, TOP, (notMeasured - 0.5) * step,
                    plotHeight, LEFT + 4, TOP + 14));
        }
        for (int decade = 0; decade <= decades; decade++) {
            double y = TOP + plotHeight - plotHeight * decade / decades;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s ms</text>%n", LEFT, LEFT + plotWidth, y, y, LEFT - 6,
                    y + 4, label(FLOOR_MS * Math.pow(10, decade))));
        }
        for (int i = 0; i < xLabels.size(); i++) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                    LEFT + i * step, TOP + plotHeight + 16, escape(xLabels.get(i))));
        }
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            StringBuilder polyline = new StringBuilder();
            for (int p = 0; p < line.ms().length; p++) {
                double ms = Math.max(FLOOR_MS, line.ms()[p]);
                polyline.append(String.format(Locale.ROOT, "%.1f,%.1f ", LEFT + p * step,
                        TOP + plotHeight - plotHeight * Math.log10(ms / FLOOR_MS) / decades));
            }
            svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\" points=\"%s\"/>%n"
                    + "<text x=\"%d\" y=\"%d\" fill=\"%s\">%s</text>%n", line.colour(), polyline.toString().strip(),
                    LEFT + plotWidth + 10, TOP + 16 * (i + 1), line.colour(), escape(line.name())));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                LEFT + plotWidth / 2, HEIGHT - 8, escape(xTitle)));
        return svg.append("</svg>\n").toString();
    }

    private static String label(double ms) {
        return ms >= 1 ? String.valueOf((long) ms) : String.valueOf(ms);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
