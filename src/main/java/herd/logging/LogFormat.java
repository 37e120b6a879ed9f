package herd.logging;

import java.util.Locale;

/** How log lines are written: for people (the default) or as one JSON object per line. */
public enum LogFormat {
    TEXT, JSON;

    /** The environment variable that chooses. */
    public static final String VARIABLE = "HERD_LOG_FORMAT";

    public static LogFormat fromEnvironment() {
        return of(System.getenv(VARIABLE));
    }

    static LogFormat of(String value) {
        return value != null && value.trim().toLowerCase(Locale.ROOT).equals("json") ? JSON : TEXT;
    }
}
