package herd.cli;

import herd.config.ConfigException;
import herd.config.ConfigFileReader;
import herd.config.HerdConfig;
import herd.config.HerdConfigParser;
import herd.config.MemberConfig;
import herd.launch.HerdLauncher;
import herd.member.Secrets;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code herd member -conf FILE}: runs the members of a file until SIGTERM, or only checks the file. */
@Command(name = "member", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        description = {"Runs the members a configuration file names (one member, or a herd file's \"servers\")"
                + " until SIGTERM, which stops them gracefully.",
                "Secrets come from the environment: HERD_SECRET (peer links), PLACES_API_KEY (Google Places)."})
final class MemberCommand implements Callable<Integer> {

    @Option(names = {"-conf", "--conf"}, required = true, paramLabel = "FILE",
            description = "the member's (or the herd's) configuration file, e.g. conf/Clark.json")
    Path configFile;

    @Option(names = "--check-config", description = "check the file and HERD_SECRET, print what would run, and exit")
    boolean checkOnly;

    @Override
    public Integer call() throws InterruptedException {
        if (checkOnly) {
            return check();
        }
        HerdLauncher.start(configFile);
        new CountDownLatch(1).await(); // the members run until SIGTERM, whose hook ends the process
        return 0;
    }

    private int check() {
        Vertx vertx = Vertx.vertx();
        try {
            HerdConfig herd = HerdConfigParser.parse(configFile.toString(),
                    ConfigFileReader.read(vertx, configFile).await());
            Secrets secrets = Secrets.fromEnvironment();
            secrets.peerAuth();
            secrets.checkedAdminToken();
            System.out.println(configFile + ": OK, " + herd.members().size() + " member(s): " + herd.members().stream()
                    .map(member -> member.name() + " on " + member.host() + ":" + member.clientPorts())
                    .collect(Collectors.joining(", ")));
            return 0;
        } catch (ConfigException problem) {
            System.err.println("herd: " + problem.getMessage());
            return HerdLauncher.EXIT_BAD_CONFIGURATION;
        } finally {
            vertx.close().await();
        }
    }
}
