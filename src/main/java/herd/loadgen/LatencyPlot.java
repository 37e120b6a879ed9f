package herd.loadgen;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * An SVG plot of a run's reply latency percentiles second by second (log scale), the measured
 * seconds apart from the warm-up: a picture of how steady the herd was, not only its summary.
 */
final class LatencyPlot {

    private static final int WIDTH = 720;
    private static final int HEIGHT = 360;
    private static final int LEFT = 60;
    private static final int RIGHT = 110;
    private static final int TOP = 30;
    private static final int BOTTOM = 40;
    private static final double FLOOR_MS = 0.01;

    private record Series(String name, String colour, ToDoubleFunction<Timeline.Second> ms) {
    }

    private static final List<Series> SERIES = List.of(
            new Series("max", "#999999", Timeline.Second::maxMs),
            new Series("p99.9", "#d62728", Timeline.Second::p999Ms),
            new Series("p99", "#ff7f0e", Timeline.Second::p99Ms),
            new Series("p50", "#1f77b4", Timeline.Second::p50Ms));

    private LatencyPlot() {
    }

    static String svg(String title, List<Timeline.Second> seconds) {
        double top = Math.max(1, seconds.stream().mapToDouble(Timeline.Second::maxMs).max().orElse(1));
        double decades = Math.ceil(Math.log10(top / FLOOR_MS));
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n"
                        + "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n"
                        + "<text x=\"%d\" y=\"18\" font-size=\"14\">%s</text>%n", WIDTH, HEIGHT, LEFT, escape(title)));
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        double step = seconds.size() > 1 ? (double) plotWidth / (seconds.size() - 1) : plotWidth;
        long warmUp = seconds.stream().filter(s -> !s.phase().equals("measure")).count();
        if (warmUp > 0) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"#f0f0f0\"/>%n"
                    + "<text x=\"%d\" y=\"%d\" fill=\"#777\">not measured</text>%n", LEFT, TOP, (warmUp - 0.5) * step,
                    plotHeight, LEFT + 4, TOP + 14));
        }
        for (int decade = 0; decade <= decades; decade++) {
            double y = TOP + plotHeight - plotHeight * decade / decades;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s ms</text>%n", LEFT, LEFT + plotWidth, y, y, LEFT - 6,
                    y + 4, label(FLOOR_MS * Math.pow(10, decade))));
        }
        for (int i = 0; i < SERIES.size(); i++) {
            Series series = SERIES.get(i);
            StringBuilder points = new StringBuilder();
            for (int s = 0; s < seconds.size(); s++) {
                double ms = Math.max(FLOOR_MS, series.ms().applyAsDouble(seconds.get(s)));
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", LEFT + s * step,
                        TOP + plotHeight - plotHeight * Math.log10(ms / FLOOR_MS) / decades));
            }
            svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\" points=\"%s\"/>%n"
                    + "<text x=\"%d\" y=\"%d\" fill=\"%s\">%s</text>%n", series.colour(), points.toString().strip(),
                    LEFT + plotWidth + 10, TOP + 16 * (i + 1), series.colour(), series.name()));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">seconds of the run</text>%n",
                LEFT + plotWidth / 2, HEIGHT - 8));
        return svg.append("</svg>\n").toString();
    }

    private static String label(double ms) {
        return ms >= 1 ? String.valueOf((long) ms) : String.valueOf(ms);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
