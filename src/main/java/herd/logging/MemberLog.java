package herd.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.util.FileSize;
import herd.config.LogConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import net.logstash.logback.encoder.LogstashEncoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each member's own log file (see logging.md): event lines from logger
 * {@code herd.member.<name>} and, unless traffic logging is off, every line in and out
 * ({@link TrafficLog}). INFO and above also reach the console through the root logger (the
 * logger stays additive, and the console's filter, herd.logging.ConsoleConfigurator, drops DEBUG). Only the member's
 * {@link LogWriter} touches the file: a logback rolling appender fed whole blocks of formatted
 * lines, rolled by size and day, compressed by logback's own thread, capped in total size.
 */
public final class MemberLog {

    static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %msg%n";
    static final int MAX_DAYS = 7;
    private static final String LOGGER_PREFIX = "herd.member.";
    private static final Map<String, Open> OPEN = new ConcurrentHashMap<>();
    /** Logback's check for two appenders on one file keeps a plain map: writers open their files one at a time. */
    private static final Object OPENING = new Object();

    private record Open(Path file, TrafficLog traffic, EventForwarder forwarder) {
    }

    private MemberLog() {
    }

    /** {@link #open(String, String, boolean, LogConfig)} with every line in and out logged, and the default file limits. */
    public static Logger open(String memberName, String logFile) {
        return open(memberName, logFile, true, LogConfig.DEFAULTS);
    }

    /**
     * Opens the member's file (closing any earlier one of the member) and starts its writer. The
     * writer opens the file on its own thread ({@link LogWriter}): {@link TrafficLog#opened()}
     * says when it is open, or why it could not be (logback cannot open it).
     *
     * @param traffic whether every line in and out is logged, and the logger passes DEBUG
     * @throws UncheckedIOException  if the file's directory cannot be created
     * @throws IllegalStateException if another member of the process writes to the file
     */
    public static synchronized Logger open(String memberName, String logFile, boolean traffic, LogConfig config) {
        close(memberName).join();
        OPEN.forEach((other, open) -> {
            if (open.file().equals(absolute(logFile))) {
                throw new IllegalStateException("cannot open log file " + logFile + " for " + memberName + ": "
                        + other + " writes to it");
            }
        });
        createParentDirectories(Path.of(logFile));
        ch.qos.logback.classic.Logger logger = logger(memberName);
        LoggerContext context = logger.getLoggerContext();
        LogFormat format = LogFormat.fromEnvironment();

        TrafficLog lines = new TrafficLog(traffic, config.queueKB() * 1024L);
        LogWriter writer = new LogWriter(lines, () -> sink(file(context, memberName, logFile, config)),
                new TrafficFormat(format, memberName), encoder(context, format), logger);
        EventForwarder forwarder = new EventForwarder(lines);
        forwarder.setContext(context);
        forwarder.setName("member-events-" + memberName);
        forwarder.start();

        OPEN.put(memberName, new Open(absolute(logFile), lines, forwarder));
        writer.start(memberName);
        logger.addAppender(forwarder);
        logger.setLevel(traffic ? Level.DEBUG : Level.INFO);
        return logger;
    }

    /** Opens the member's file, on its writer's thread; one writer at a time ({@link #OPENING}). */
    private static RollingFileAppender<byte[]> file(LoggerContext context, String memberName, String logFile,
                                                    LogConfig config) {
        synchronized (OPENING) {
            return startedFile(context, memberName, logFile, config);
        }
    }

    private static RollingFileAppender<byte[]> startedFile(LoggerContext context, String memberName, String logFile,
                                                           LogConfig config) {
        RollingFileAppender<byte[]> appender = new RollingFileAppender<>();
        appender.setContext(context);
        // Logback keys its "two appenders, one file" check by appender name: one name per member.
        appender.setName("member-file-" + memberName);
        appender.setFile(logFile);
        appender.setEncoder(new FormattedBytes());

        SizeAndTimeBasedRollingPolicy<byte[]> rolling = new SizeAndTimeBasedRollingPolicy<>();
        rolling.setContext(context);
        rolling.setParent(appender);
        rolling.setFileNamePattern(logFile + ".%d{yyyy-MM-dd}.%i" + (config.compress() ? ".gz" : ""));
        rolling.setMaxFileSize(new FileSize(config.maxFileMB() * FileSize.MB_COEFFICIENT));
        rolling.setMaxHistory(MAX_DAYS);
        rolling.setTotalSizeCap(new FileSize(config.maxTotalMB() * FileSize.MB_COEFFICIENT));
        rolling.start();
        appender.setRollingPolicy(rolling);
        appender.start();
        // Logback reports a failed start only in its status list; a member without its log must not run.
        if (!appender.isStarted()) {
            rolling.stop();
            throw new IllegalStateException("cannot open " + logFile + whyNot(context, appender));
        }
        return appender;
    }

    private static LogWriter.Sink sink(RollingFileAppender<byte[]> file) {
        return new LogWriter.Sink() {
            @Override
            public void write(byte[] bytes, int length) {
                file.doAppend(Arrays.copyOf(bytes, length));
            }

            @Override
            public void close() {
                file.stop();
            }
        };
    }

    /** What the operating system said to this appender, as logback recorded it: " (Is a directory)", or nothing. */
    private static String whyNot(LoggerContext context, RollingFileAppender<byte[]> appender) {
        List<Status> statuses = context.getStatusManager().getCopyOfStatusList();
        for (int i = statuses.size() - 1; i >= 0; i--) {
            Status status = statuses.get(i);
            Throwable cause = status.getThrowable();
            if (status.getOrigin() == appender && status.getLevel() == Status.ERROR && cause instanceof IOException) {
                String message = String.valueOf(cause.getMessage());
                int reason = message.lastIndexOf(" (");
                return reason < 0 ? ": " + message : message.substring(reason);
            }
        }
        return "";
    }

    /** The traffic log of the member whose logger this is; one that ignores every line for any other logger. */
    public static TrafficLog traffic(Logger log) {
        String name = log.getName();
        return name.startsWith(LOGGER_PREFIX) ? traffic(name.substring(LOGGER_PREFIX.length())) : TrafficLog.OFF;
    }

    public static TrafficLog traffic(String memberName) {
        Open open = OPEN.get(memberName);
        return open == null ? TrafficLog.OFF : open.traffic();
    }

    /** Event lines for people, or one JSON object per line for log collectors. */
    static Encoder<ILoggingEvent> encoder(LoggerContext context, LogFormat format) {
        Encoder<ILoggingEvent> encoder;
        if (format == LogFormat.JSON) {
            encoder = new LogstashEncoder();
        } else {
            PatternLayoutEncoder pattern = new PatternLayoutEncoder();
            pattern.setPattern(PATTERN);
            encoder = pattern;
        }
        encoder.setContext(context);
        encoder.start();
        return encoder;
    }

    /**
     * Stops taking the member's lines; completes once every line taken is written and the file
     * closed. A later {@link #open} starts a new one.
     */
    public static synchronized CompletableFuture<Void> close(String memberName) {
        Open open = OPEN.remove(memberName);
        if (open == null) {
            return CompletableFuture.completedFuture(null);
        }
        logger(memberName).detachAppender(open.forwarder());
        open.forwarder().stop();
        return open.traffic().close();
    }

    private static Path absolute(String logFile) {
        return Path.of(logFile).toAbsolutePath().normalize();
    }

    private static void createParentDirectories(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (FileAlreadyExistsException e) {
            throw new UncheckedIOException("cannot create the directory of " + file + ": " + e.getFile()
                    + " is a file", e);
        } catch (AccessDeniedException e) {
            throw new UncheckedIOException("cannot create the directory of " + file + ": permission denied on "
                    + e.getFile(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the directory of " + file + ": " + e, e);
        }
    }

    private static ch.qos.logback.classic.Logger logger(String memberName) {
        return (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(LOGGER_PREFIX + memberName);
    }

    /** The file's "encoder": the writer hands it lines already formatted. */
    private static final class FormattedBytes extends EncoderBase<byte[]> {
        @Override
        public byte[] headerBytes() {
            return null;
        }

        @Override
        public byte[] encode(byte[] formatted) {
            return formatted;
        }

        @Override
        public byte[] footerBytes() {
            return null;
        }
    }
}
