package herd.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.Test;

/** The shipped logback.xml (tests run with logback-test.xml, so it is loaded here into a context of its own). */
class ConsoleConfigurationTest {

    @Test
    void theConsoleGetsInfoAndAboveButNoDebugFromMembers() throws JoranException {
        LoggerContext context = new LoggerContext();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(ConsoleConfigurationTest.class.getResource("/logback.xml"));
        try {
            Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
            Appender<ILoggingEvent> console = root.getAppender("console");
            Logger member = context.getLogger("herd.member.Alpha");
            member.setLevel(Level.DEBUG);

            assertEquals(Level.INFO, root.getLevel());
            assertEquals(Level.WARN, context.getLogger("io.netty").getLevel());
            assertEquals(FilterReply.DENY, console.getFilterChainDecision(event(member, Level.DEBUG)));
            assertEquals(FilterReply.NEUTRAL, console.getFilterChainDecision(event(member, Level.INFO)));
        } finally {
            context.stop();
        }
    }

    private static LoggingEvent event(Logger logger, Level level) {
        return new LoggingEvent(Logger.class.getName(), logger, level, "a line", null, null);
    }
}
