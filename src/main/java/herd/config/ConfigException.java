package herd.config;

/** A configuration that cannot run; the message names the file and the field. */
public final class ConfigException extends RuntimeException {

    public ConfigException(String source, String field, String problem) {
        super(source + ": " + field + ": " + problem);
    }

    /** A problem with the file as a whole (missing, not JSON). */
    public ConfigException(String source, String problem) {
        super(source + ": " + problem);
    }
}
