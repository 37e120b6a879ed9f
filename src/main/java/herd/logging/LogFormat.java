package herd.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import java.util.Locale;

/** How log lines are written: for people (the default) or as one JSON object per line. */
public enum LogFormat {
    TEXT, JSON;

    /** The environment variable that chooses. */
    public static final String VARIABLE = "HERD_LOG_FORMAT";

    public static LogFormat fromEnvironment() {
        return of(System.getenv(VARIABLE));
    }

    /** Switches the console (logback.xml's appender "console") to this format. */
    public void applyToConsole(LoggerContext context) {
        if (this == TEXT) {
            return;
        }
        ConsoleAppender<ILoggingEvent> console = (ConsoleAppender<ILoggingEvent>)
                context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("console");
        console.stop();
        console.setEncoder(MemberLog.encoder(context, this));
        console.start();
    }

    static LogFormat of(String value) {
        return value != null && value.trim().toLowerCase(Locale.ROOT).equals("json") ? JSON : TEXT;
    }
}
