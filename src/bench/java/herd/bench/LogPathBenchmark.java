package herd.bench;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import herd.config.LogConfig;
import herd.logging.MemberLog;
import herd.logging.TrafficLog;
import herd.protocol.Reply;
import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/**
 * The ways a member could log its traffic, measured on a Vert.x event loop doing nothing else:
 * lines in turns of 100 (50 in, 50 out, 40 connections), as many as the event loop can log,
 * then until the file holds them. Prints, per way, the lines per second the event loop could
 * log (its own cost) and end to end (file complete), alternating the ways ROUNDS times; no
 * compression, files rolled at 100 MB.
 * <pre>mvn -Pbench test-compile exec:exec@log-paths</pre>
 */
public final class LogPathBenchmark {

    private static final int LINES = Integer.getInteger("lines", 2_000_000);
    private static final int ROUNDS = Integer.getInteger("rounds", 3);
    private static final int PER_TURN = 100;
    private static final String LINE = "IAMAT kiwi.cs.ucla.edu%d +34.068930-118.445127 1621464827.959498503";

    private interface Way {
        /** Logs a line of connection {@code c}; {@code in} or out. */
        void line(int c, boolean in, String line);

        /** Completes when every line is in the file. */
        void close();
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("herd-log-paths");
        Vertx vertx = Vertx.vertx();
        Context loop = vertx.getOrCreateContext();
        String[] lines = new String[1000];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = String.format(Locale.ROOT, LINE, i);
        }
        List<String> names = System.getProperty("ways") != null ? List.of(System.getProperty("ways").split(",")) : List.of("logback-sync", "logback-async-block", "logback-async-drop", "herd-writer");
        List<List<double[]>> results = new ArrayList<>();
        names.forEach(n -> results.add(new ArrayList<>()));
        for (int round = 0; round < ROUNDS; round++) {
            for (int w = 0; w < names.size(); w++) {
                Path file = dir.resolve(names.get(w) + "-" + round + ".log");
                Way way = open(names.get(w), file);
                long start = System.nanoTime();
                Promise<Long> produced = Promise.promise();
                loop.runOnContext(v -> turn(loop, way, lines, 0, produced, start));
                long produceNanos = produced.future().await();
                way.close();
                long endNanos = System.nanoTime() - start;
                long bytes = 0;
                try (var files = Files.list(dir)) {
                    bytes = files.mapToLong(f -> f.toFile().length()).sum();
                }
                double[] r = {LINES / (produceNanos / 1e9), LINES / (endNanos / 1e9)};
                results.get(w).add(r);
                System.out.printf(Locale.ROOT, "round %d %-20s event loop %,10.0f lines/s   end to end %,10.0f lines/s"
                        + "   %,d bytes written%n", round + 1, names.get(w), r[0], r[1], bytes);
                Files.list(dir).forEach(f -> f.toFile().delete());
            }
        }
        System.out.println("\nmedians, " + LINES + " lines of ~75 bytes, " + ROUNDS + " rounds:");
        for (int w = 0; w < names.size(); w++) {
            System.out.printf(Locale.ROOT, "%-20s event loop %,10.0f lines/s   end to end %,10.0f lines/s%n", names.get(w),
                    median(results.get(w), 0), median(results.get(w), 1));
        }
        vertx.close().await();
    }

    private static void turn(Context loop, Way way, String[] lines, int done, Promise<Long> produced, long start) {
        for (int i = 0; i < PER_TURN; i++) {
            int n = done + i;
            way.line(n % 40, (n & 1) == 0, lines[n % lines.length]);
        }
        int next = done + PER_TURN;
        if (next >= LINES) {
            produced.complete(System.nanoTime() - start);
        } else {
            loop.runOnContext(v -> turn(loop, way, lines, next, produced, start));
        }
    }

    private static double median(List<double[]> rounds, int index) {
        double[] values = rounds.stream().mapToDouble(r -> r[index]).sorted().toArray();
        return values[values.length / 2];
    }

    private static Way open(String name, Path file) {
        if (name.equals("herd-writer")) {
            // A queue large enough that no line is dropped: the figures are of lines written.
            MemberLog.open("Bench", file.toString(), true, new LogConfig(100, 10_000, false, 128 * 1024));
            TrafficLog traffic = MemberLog.traffic("Bench");
            TrafficLog.Connection[] connections = new TrafficLog.Connection[40];
            for (int c = 0; c < connections.length; c++) {
                connections[c] = traffic.connection("#" + c + " /127.0.0.1:" + (40000 + c));
            }
            return new Way() {
                @Override
                public void line(int c, boolean in, String line) {
                    if (in) {
                        connections[c].in(line);
                    } else {
                        connections[c].out(line);
                    }
                }

                @Override
                public void close() {
                    MemberLog.close("Bench").join();
                }
            };
        }
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger logger = context.getLogger("bench." + name + file.getFileName());
        logger.setAdditive(false);
        logger.setLevel(Level.DEBUG);
        boolean async = name.startsWith("logback-async");
        RollingFileAppender<ILoggingEvent> fileAppender = rolling(context, file, !async);
        Appender<ILoggingEvent> appender = fileAppender;
        if (async) {
            AsyncAppender queue = new AsyncAppender();
            queue.setContext(context);
            queue.setQueueSize(8192);
            queue.setDiscardingThreshold(0);
            queue.setNeverBlock(name.endsWith("drop"));
            queue.addAppender(fileAppender);
            queue.start();
            appender = queue;
        }
        logger.addAppender(appender);
        String[] ids = new String[40];
        for (int c = 0; c < ids.length; c++) {
            ids[c] = "#" + c + " /127.0.0.1:" + (40000 + c);
        }
        Appender<ILoggingEvent> attached = appender;
        return new Way() {
            @Override
            public void line(int c, boolean in, String line) {
                logger.debug(in ? "{} <- {}" : "{} -> {}", ids[c], Reply.readable(line));
            }

            @Override
            public void close() {
                attached.stop();
                fileAppender.stop();
            }
        };
    }

    private static RollingFileAppender<ILoggingEvent> rolling(LoggerContext context, Path file, boolean flushEach) {
        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName(file.getFileName().toString());
        appender.setFile(file.toString());
        appender.setImmediateFlush(flushEach);
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %msg%n");
        encoder.start();
        appender.setEncoder(encoder);
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
        policy.setContext(context);
        policy.setParent(appender);
        policy.setFileNamePattern(file + ".%d{yyyy-MM-dd}.%i");
        policy.setMaxFileSize(FileSize.valueOf("100MB"));
        policy.setTotalSizeCap(FileSize.valueOf("2000MB"));
        policy.start();
        appender.setRollingPolicy(policy);
        appender.start();
        return appender;
    }
}
