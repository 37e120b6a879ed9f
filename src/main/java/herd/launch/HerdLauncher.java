package herd.launch;

import herd.config.ConfigException;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * Starts the members of a configuration file: starts Vert.x and deploys the herd's verticle, which
 * reads the file itself so that every configuration error names the file. Started by
 * {@code java -jar herd-fat.jar -conf FILE} or {@code herd member -conf FILE} ({@link herd.cli.HerdMain}),
 * not by Vert.x's application launcher, whose command-line machinery costs a member a sixth of a
 * second before it can listen.
 *
 * <p>Vert.x runs without its own pool and socket metrics: they can only be installed as Vert.x is
 * created, and Micrometer's set-up would then delay every member's listening.
 */
public final class HerdLauncher {

    public static final int EXIT_BAD_CONFIGURATION = 2;
    public static final int EXIT_FAILED_START = 1;

    private HerdLauncher() {
    }

    /**
     * Starts the members of a configuration file and returns; they run until SIGTERM. A configuration
     * that cannot be used ends the process with {@link #EXIT_BAD_CONFIGURATION}, any other failure
     * to start with {@link #EXIT_FAILED_START}.
     */
    public static void start(Path configFile) {
        // Logging first: what another thread logs while slf4j initialises would be replayed with a warning.
        LoggerFactory.getILoggerFactory();
        Vertx vertx = Vertx.vertx();
        try {
            vertx.deployVerticle(new HerdVerticle(configFile)).await();
        } catch (Throwable failure) {
            vertx.close().await();
            System.exit(report(failure));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(vertx), "herd-shutdown"));
    }

    /** A bad configuration is reported in one line; anything else is a bug, worth its stack trace. */
    private static int report(Throwable failure) {
        if (failure instanceof ConfigException) {
            System.err.println("herd: " + failure.getMessage());
            return EXIT_BAD_CONFIGURATION;
        }
        System.err.println("herd: could not start");
        failure.printStackTrace();
        return EXIT_FAILED_START;
    }

    /**
     * SIGTERM: every member stops gracefully (see {@link herd.member.Member#stop}), and a clean stop
     * is a success: exit status 0 rather than the JVM's 143 for a process ended by a signal.
     */
    private static void stop(Vertx vertx) {
        vertx.close().await();
        Runtime.getRuntime().halt(0);
    }
}
