package herd.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Map;

/**
 * The process's logging, set up in code (found by logback through {@code META-INF/services}) rather
 * than from an XML file: parsing XML costs a member about a quarter of a second before it can listen.
 * The console is for operators: INFO and above, as text or, with {@code HERD_LOG_FORMAT=json}, one
 * JSON object per line. Each member's file ({@link MemberLog}) also gets DEBUG.
 *
 * <p>A {@code logback-test.xml} on the class path, or a file named by {@code -Dlogback.configurationFile},
 * still wins: logback's own XML configuration then runs instead.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class ConsoleConfigurator extends ContextAwareBase implements Configurator {

    static final String CONSOLE = "console";
    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n";

    /** Loggers quieter than the root's INFO, and why. */
    static final Map<String, Level> LEVELS = Map.of(
            "io.netty", Level.WARN,
            // A broken edit of the watched configuration file is logged by HerdVerticle in one line, naming the file.
            "io.vertx.config.impl.ConfigRetrieverImpl", Level.OFF,
            // Each member's Prometheus registry joins its meters once it listens, on purpose (see MemberMeters).
            "io.micrometer.core.instrument.composite.CompositeMeterRegistry", Level.ERROR);

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (getClass().getResource("/logback-test.xml") != null || System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        configure(context, LogFormat.fromEnvironment());
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Sends INFO and above to the console in {@code format}. */
    static void configure(LoggerContext context, LogFormat format) {
        ThresholdFilter info = new ThresholdFilter();
        info.setLevel(Level.INFO.levelStr);
        info.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName(CONSOLE);
        console.addFilter(info);
        console.setEncoder(format == LogFormat.JSON ? MemberLog.encoder(context, format) : text(context));
        console.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
        LEVELS.forEach((name, level) -> context.getLogger(name).setLevel(level));
    }

    private static PatternLayoutEncoder text(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        return encoder;
    }
}
