package herd.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each member's own log file (PROTOCOL.md §9): every line in and out at DEBUG, which only
 * the file gets; INFO and above also reach the console through the root logger. Rolled by
 * size and day, with a cap on the total, so a long run cannot fill the disk.
 */
public final class MemberLog {

    private static final String APPENDER = "member-file";

    private MemberLog() {
    }

    public static Logger open(String memberName, String logFile) {
        ch.qos.logback.classic.Logger logger = logger(memberName);
        close(memberName);
        LoggerContext context = logger.getLoggerContext();

        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %msg%n");
        encoder.start();

        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName(APPENDER);
        appender.setFile(logFile);
        appender.setEncoder(encoder);

        SizeAndTimeBasedRollingPolicy<ILoggingEvent> rolling = new SizeAndTimeBasedRollingPolicy<>();
        rolling.setContext(context);
        rolling.setParent(appender);
        rolling.setFileNamePattern(logFile + ".%d{yyyy-MM-dd}.%i.gz");
        rolling.setMaxFileSize(FileSize.valueOf("10MB"));
        rolling.setMaxHistory(7);
        rolling.setTotalSizeCap(FileSize.valueOf("200MB"));
        rolling.start();
        appender.setRollingPolicy(rolling);
        appender.start();

        logger.addAppender(appender);
        logger.setLevel(Level.DEBUG);
        return logger;
    }

    /** Detaches and closes the member's file; a later {@link #open} starts a new one. */
    public static void close(String memberName) {
        ch.qos.logback.classic.Logger logger = logger(memberName);
        var appender = logger.getAppender(APPENDER);
        if (appender != null) {
            logger.detachAppender(appender);
            appender.stop();
        }
    }

    private static ch.qos.logback.classic.Logger logger(String memberName) {
        return (ch.qos.logback.classic.Logger) LoggerFactory.getLogger("herd.member." + memberName);
    }
}
