package herd.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.FilterReply;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.ServiceLoader;
import net.logstash.logback.encoder.LogstashEncoder;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The shipped console configuration (tests run with logback-test.xml, so it is set up here in a context of its own). */
class ConsoleConfigurationTest {

    @Test
    void theConsoleGetsInfoAndAboveButNoDebugFromMembers() {
        LoggerContext context = shippedConfiguration(LogFormat.TEXT);
        try {
            Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
            Appender<ILoggingEvent> console = root.getAppender("console");
            Logger member = context.getLogger("herd.member.Alpha");
            member.setLevel(Level.DEBUG);

            assertEquals(Level.INFO, root.getLevel());
            assertEquals(Level.WARN, context.getLogger("io.netty").getLevel());
            assertEquals(Level.OFF, context.getLogger("io.vertx.config.impl.ConfigRetrieverImpl").getLevel());
            assertInstanceOf(PatternLayoutEncoder.class, ((ConsoleAppender<ILoggingEvent>) console).getEncoder());
            assertEquals(FilterReply.DENY, console.getFilterChainDecision(event(member, Level.DEBUG)));
            assertEquals(FilterReply.NEUTRAL, console.getFilterChainDecision(event(member, Level.INFO)));
        } finally {
            context.stop();
        }
    }

    @Test
    void herdLogFormatJsonWritesOneJsonObjectPerLine() {
        LoggerContext context = shippedConfiguration(LogFormat.JSON);
        try {
            ConsoleAppender<ILoggingEvent> console =
                    (ConsoleAppender<ILoggingEvent>) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("console");
            assertInstanceOf(LogstashEncoder.class, console.getEncoder());
            assertTrue(console.isStarted());
            // Encoded in the running logging context, which (unlike a bare one) has an MDC.
            LoggerContext running = (LoggerContext) LoggerFactory.getILoggerFactory();
            byte[] line = MemberLog.encoder(running, LogFormat.JSON).encode(event(running.getLogger("herd.member.Alpha"), Level.INFO));
            JsonObject json = new JsonObject(new String(line, StandardCharsets.UTF_8));
            assertEquals("a line", json.getString("message"));
            assertEquals("INFO", json.getString("level"));
            assertEquals("herd.member.Alpha", json.getString("logger_name"));
        } finally {
            context.stop();
        }
    }

    @Test
    void onlyJsonSelectsJson() {
        assertEquals(LogFormat.JSON, LogFormat.of(" JSON "));
        assertEquals(LogFormat.TEXT, LogFormat.of(null));
        assertEquals(LogFormat.TEXT, LogFormat.of("xml"));
    }

    @Test
    void logbackFindsTheConfiguratorAndLeavesTestsToTheirXml() {
        assertEquals(List.of(ConsoleConfigurator.class), ServiceLoader.load(Configurator.class).stream()
                .map(ServiceLoader.Provider::type).toList());
        LoggerContext context = new LoggerContext();
        try {
            assertEquals(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY, new ConsoleConfigurator().configure(context));
            assertEquals(null, context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("console"));
        } finally {
            context.stop();
        }
    }

    private static LoggerContext shippedConfiguration(LogFormat format) {
        LoggerContext context = new LoggerContext();
        ConsoleConfigurator.configure(context, format);
        return context;
    }

    private static LoggingEvent event(Logger logger, Level level) {
        return new LoggingEvent(Logger.class.getName(), logger, level, "a line", null, null);
    }
}
