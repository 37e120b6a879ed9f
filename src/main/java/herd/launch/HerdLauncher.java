package herd.launch;

import herd.config.ConfigException;
import ch.qos.logback.classic.LoggerContext;
import herd.logging.LogFormat;
import herd.metrics.HerdMetrics;
import io.vertx.core.Deployable;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.launcher.application.HookContext;
import io.vertx.launcher.application.VertxApplication;
import io.vertx.launcher.application.VertxApplicationHooks;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar herd-fat.jar -conf FILE}: the Vert.x application launcher, with the
 * herd's verticle given the configuration file itself rather than the JSON the launcher
 * parsed, because the launcher silently runs with an empty configuration when the file is
 * missing or broken, and every configuration error must name the file.
 */
public final class HerdLauncher implements VertxApplicationHooks {

    static final int EXIT_BAD_CONFIGURATION = 2;

    private final Path configFile;
    private volatile boolean running;

    private HerdLauncher(Path configFile) {
        this.configFile = configFile;
    }

    public static void main(String[] args) {
        LogFormat.fromEnvironment().applyToConsole((LoggerContext) LoggerFactory.getILoggerFactory());
        Path configFile = ConfArgument.find(args).orElse(null);
        if (configFile == null) {
            System.err.println("herd: no configuration given; usage: java -jar herd-fat.jar -conf conf/Clark.json");
            System.exit(EXIT_BAD_CONFIGURATION);
        }
        int exitCode = new VertxApplication(args, new HerdLauncher(configFile)).launch();
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    /** Vert.x reports its pools and sockets into the registry the admin endpoints serve. */
    @Override
    public VertxBuilder createVertxBuilder(VertxOptions options) {
        options.setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true));
        return Vertx.builder().with(options).withMetrics(new MicrometerMetricsFactory(HerdMetrics.registry()));
    }

    @Override
    public Supplier<? extends Deployable> verticleSupplier() {
        return () -> new HerdVerticle(configFile);
    }

    @Override
    public void afterVerticleDeployed(HookContext context) {
        running = true;
    }

    /**
     * Runs in the launcher's shutdown hook, once every member has stopped gracefully. After a
     * start that worked, that is a SIGTERM, and a clean stop is a success: exit status 0 rather
     * than the JVM's 143 for a process ended by a signal. After a failed start, the launcher's
     * own non-zero status stands.
     */
    @Override
    public void afterVertxStopped(HookContext context) {
        if (running) {
            Runtime.getRuntime().halt(0);
        }
    }

    /** A bad configuration is reported in one line; anything else is a bug, worth its stack trace. */
    @Override
    public void afterFailureToDeployVerticle(HookContext context, Throwable failure) {
        if (failure instanceof ConfigException) {
            System.err.println("herd: " + failure.getMessage());
        } else {
            System.err.println("herd: could not start");
            failure.printStackTrace();
        }
    }
}
