package herd.launch;

import herd.config.ConfigFileReader;
import herd.config.ConfigSource;
import herd.config.HerdConfig;
import herd.config.HerdConfigParser;
import herd.config.MemberConfig;
import herd.member.MemberVerticle;
import herd.member.Secrets;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The process's main verticle: reads the member or herd file named by {@code -conf} and
 * deploys one {@link MemberVerticle} per member in it.
 */
public final class HerdVerticle extends VerticleBase {

    private final Path configFile;

    public HerdVerticle(Path configFile) {
        this.configFile = configFile;
    }

    @Override
    public Future<?> start() {
        String source = configFile.toString();
        Secrets secrets = Secrets.fromEnvironment();
        return ConfigFileReader.read(vertx, configFile).compose(json -> {
            HerdConfig herd = HerdConfigParser.parse(source, json);
            boolean herdFile = json.containsKey("servers");
            List<Future<String>> deployments = new ArrayList<>();
            for (int i = 0; i < herd.members().size(); i++) {
                MemberConfig member = herd.members().get(i);
                ConfigSource where = new ConfigSource(source, herdFile ? "servers[" + i + "]." : "");
                deployments.add(vertx.deployVerticle(new MemberVerticle(member, where, secrets)));
            }
            return Future.all(deployments);
        });
    }
}
