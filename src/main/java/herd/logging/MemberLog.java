package herd.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.core.encoder.Encoder;
import net.logstash.logback.encoder.LogstashEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each member's own log file (configuration.md, Logs): every line in and out at DEBUG, which only the
 * file gets (unless traffic logging is turned off); INFO and above also reach the console through the root logger (the logger stays
 * additive, and logback.xml's console filter drops DEBUG). Rolled at 10 MB and daily, with a cap
 * on history and total size, so a long run cannot fill the disk.
 */
public final class MemberLog {

    static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %msg%n";
    static final String MAX_FILE_SIZE = "10MB";
    static final int MAX_DAYS = 7;
    static final String TOTAL_SIZE_CAP = "200MB";

    private MemberLog() {
    }

    /** {@link #open(String, String, boolean)} with every line in and out logged, as configuration.md, Logs says. */
    public static Logger open(String memberName, String logFile) {
        return open(memberName, logFile, true);
    }

    /**
     * Attaches a fresh file to logger {@code herd.member.<memberName>} (closing any earlier one).
     *
     * @param traffic whether the logger passes DEBUG (every line in and out) or only INFO and above
     * @throws UncheckedIOException  if the file's directory cannot be created
     * @throws IllegalStateException if logback cannot open the file (for one, another member writes to it)
     */
    public static synchronized Logger open(String memberName, String logFile, boolean traffic) {
        close(memberName);
        createParentDirectories(Path.of(logFile));
        ch.qos.logback.classic.Logger logger = logger(memberName);
        LoggerContext context = logger.getLoggerContext();

        Encoder<ILoggingEvent> encoder = encoder(context, LogFormat.fromEnvironment());

        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        // Logback keys its "two appenders, one file" check by appender name: one name per member.
        appender.setName(appenderName(memberName));
        appender.setFile(logFile);
        appender.setEncoder(encoder);

        SizeAndTimeBasedRollingPolicy<ILoggingEvent> rolling = new SizeAndTimeBasedRollingPolicy<>();
        rolling.setContext(context);
        rolling.setParent(appender);
        rolling.setFileNamePattern(logFile + ".%d{yyyy-MM-dd}.%i.gz");
        rolling.setMaxFileSize(FileSize.valueOf(MAX_FILE_SIZE));
        rolling.setMaxHistory(MAX_DAYS);
        rolling.setTotalSizeCap(FileSize.valueOf(TOTAL_SIZE_CAP));
        rolling.start();
        appender.setRollingPolicy(rolling);
        appender.start();
        // Logback reports a failed start only in its status list; a member without its log must not run.
        if (!appender.isStarted()) {
            rolling.stop();
            throw new IllegalStateException("cannot open log file " + logFile + " for " + memberName);
        }

        logger.addAppender(appender);
        logger.setLevel(traffic ? Level.DEBUG : Level.INFO);
        return logger;
    }

    /** Lines for people, or one JSON object per line for log collectors. */
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

    /** Detaches and closes the member's file; a later {@link #open} starts a new one. */
    public static synchronized void close(String memberName) {
        ch.qos.logback.classic.Logger logger = logger(memberName);
        Appender<ILoggingEvent> appender = logger.getAppender(appenderName(memberName));
        if (appender != null) {
            logger.detachAppender(appender);
            appender.stop();
        }
    }

    private static void createParentDirectories(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the directory of log file " + file, e);
        }
    }

    private static String appenderName(String memberName) {
        return "member-file-" + memberName;
    }

    private static ch.qos.logback.classic.Logger logger(String memberName) {
        return (ch.qos.logback.classic.Logger) LoggerFactory.getLogger("herd.member." + memberName);
    }
}
