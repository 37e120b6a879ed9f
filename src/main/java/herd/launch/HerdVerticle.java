package herd.launch;

import herd.config.ConfigException;
import herd.config.ConfigFileReader;
import herd.config.ConfigSource;
import herd.config.HerdConfig;
import herd.config.HerdConfigParser;
import herd.config.MemberConfig;
import herd.member.MemberVerticle;
import herd.member.Secrets;
import herd.metrics.HerdMetrics;
import io.vertx.config.ConfigRetriever;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's main verticle: reads the member or herd file named by {@code -conf}, deploys one
 * {@link MemberVerticle} per member in it, and keeps watching the file: an edit reaches the running
 * members (see {@link herd.member.Member#reconfigure}) within one scan period.
 */
public final class HerdVerticle extends VerticleBase {

    /** How often the configuration file is read again for edits. */
    public static final Duration DEFAULT_SCAN_PERIOD = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(HerdVerticle.class);

    private final Path configFile;
    private final Duration scanPeriod;
    private final Secrets secrets;
    private final Map<String, MemberVerticle> members = new LinkedHashMap<>();
    private ConfigRetriever watch;
    private String lastProblem;

    public HerdVerticle(Path configFile) {
        this(configFile, DEFAULT_SCAN_PERIOD, Secrets.fromEnvironment());
    }

    public HerdVerticle(Path configFile, Duration scanPeriod, Secrets secrets) {
        this.configFile = configFile;
        this.scanPeriod = scanPeriod;
        this.secrets = secrets;
    }

    @Override
    public Future<?> start() {
        return ConfigFileReader.watch(vertx, configFile, scanPeriod, this::edited, this::unreadable).compose(retriever -> {
            watch = retriever;
            JsonObject json = retriever.getCachedConfig();
            HerdConfig herd = HerdConfigParser.parse(configFile.toString(), json).withHerdAdmin();
            List<Future<String>> deployments = new ArrayList<>();
            for (int i = 0; i < herd.members().size(); i++) {
                MemberConfig member = herd.members().get(i);
                MemberVerticle verticle = new MemberVerticle(member, where(json, i), secrets);
                members.put(member.name(), verticle);
                deployments.add(vertx.deployVerticle(verticle));
            }
            return Future.all(deployments);
        }).onFailure(failure -> {
            if (watch != null) {
                watch.close();
            }
        });
    }

    private ConfigSource where(JsonObject json, int member) {
        return new ConfigSource(configFile.toString(), json.containsKey("servers") ? "servers[" + member + "]." : "");
    }

    private void edited(JsonObject json) {
        String source = configFile.toString();
        HerdConfig herd;
        try {
            herd = HerdConfigParser.parse(source, json).withHerdAdmin();
        } catch (ConfigException e) {
            unreadable(e);
            return;
        }
        lastProblem = null;
        List<String> names = herd.members().stream().map(MemberConfig::name).toList();
        if (!json.containsKey("servers")) {
            // A member file: the one member decides, and refuses a new name itself.
            members.values().iterator().next().reconfigure(herd.members().get(0), source);
        } else if (names.size() != members.size() || !members.keySet().containsAll(names)) {
            LOG.error("{}: refused the edit: the members {} cannot change to {} while the herd runs (restart it for"
                    + " that); it keeps running as it was", source, members.keySet(), names);
            HerdMetrics.configReloadFailed();
        } else {
            herd.members().forEach(member -> members.get(member.name()).reconfigure(member, source));
        }
    }

    /** A broken edit is reported once, not at every scan, and changes nothing. */
    private void unreadable(ConfigException problem) {
        if (!problem.getMessage().equals(lastProblem)) {
            lastProblem = problem.getMessage();
            LOG.error("{}; the herd keeps running as it was", problem.getMessage());
            HerdMetrics.configReloadFailed();
        }
    }

    @Override
    public Future<?> stop() {
        return watch == null ? Future.succeededFuture() : watch.close();
    }
}
