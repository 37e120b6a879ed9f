package herd.config;

/**
 * How a member keeps its log file (see logging.md).
 *
 * @param maxFileMB  a file is rolled (and compressed, if on) once it holds this many MB
 * @param maxTotalMB the rolled files together keep at most this many MB; the oldest go first
 * @param compress   whether rolled files are gzipped (off the event loops, by logback's own thread)
 * @param queueKB    how many KB of traffic lines may wait for the writer; beyond it they are dropped and counted
 */
public record LogConfig(int maxFileMB, int maxTotalMB, boolean compress, int queueKB) {

    public static final int DEFAULT_MAX_FILE_MB = 100;
    public static final int DEFAULT_MAX_TOTAL_MB = 1000;
    /**
     * Off: at full load the herd writes about 100 MB/s of log, more than gzip keeps up with on two
     * cores (see logging.md).
     */
    public static final boolean DEFAULT_COMPRESS = false;
    public static final int DEFAULT_QUEUE_KB = 8192;

    public static final LogConfig DEFAULTS =
            new LogConfig(DEFAULT_MAX_FILE_MB, DEFAULT_MAX_TOTAL_MB, DEFAULT_COMPRESS, DEFAULT_QUEUE_KB);
}
