package herd.topology;

import herd.config.AdminConfig;
import herd.config.ConfigJson;
import herd.config.HerdConfig;
import herd.config.HerdConfigParser;
import herd.config.MemberConfig;
import herd.config.PeerAddress;
import herd.config.PlacesConfig;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Writes a herd of N members with a chosen topology: a herd file to run them in one process and
 * one member file each, checked as the herd would read them (every link listed by both ends, every
 * member reachable), with the diameter printed. Or checks an existing herd file.
 */
@Command(name = "generate-herd", mixinStandardHelpOptions = true,
        description = "Writes a herd of N members (herd.json and one file per member), or checks a herd file.")
public final class GenerateHerd implements Callable<Integer> {

    enum Shape { ring, random, regions }

    @Option(names = {"-n", "--members"}, description = "members (default: ${DEFAULT-VALUE})")
    int members = 25;

    @Option(names = "--shape", description = "ring (a ring with chords), random (about --degree neighbours each) or"
            + " regions (--regions random groups joined by --bridges links) (default: ${DEFAULT-VALUE})")
    Shape shape = Shape.ring;

    @Option(names = "--chords", description = "ring: chords per member, 2, 4, 8... places on (default: ${DEFAULT-VALUE})")
    int chords = 2;

    @Option(names = "--degree", description = "random, regions: neighbours per member (default: ${DEFAULT-VALUE})")
    int degree = 4;

    @Option(names = "--regions", description = "regions: how many (default: ${DEFAULT-VALUE})")
    int regions = 3;

    @Option(names = "--bridges", description = "regions: links between two regions next to each other (default: ${DEFAULT-VALUE})")
    int bridges = 2;

    @Option(names = "--seed", description = "random, regions: the seed (default: ${DEFAULT-VALUE})")
    long seed = 1;

    @Option(names = "--port", description = "the first member's client port; the others follow (default: ${DEFAULT-VALUE})")
    int port = 13000;

    @Option(names = "--admin-port", description = "the first member's admin port; the others follow (default: ${DEFAULT-VALUE})")
    int adminPort = 14000;

    @Option(names = "--out", description = "the folder to write to (default: ${DEFAULT-VALUE})")
    Path out = Path.of("conf/generated");

    @Option(names = "--check", description = "check this herd file instead of writing one")
    Path check;

    public static void main(String[] args) {
        System.exit(new CommandLine(new GenerateHerd()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        Path herdFile = check != null ? check : write(topology());
        HerdConfig herd = HerdConfigParser.parse(herdFile.toString(), new JsonObject(Files.readString(herdFile)));
        Topology topology = Topology.of(herd);
        List<String> problems = topology.problems();
        problems.forEach(problem -> System.err.println(herdFile + ": " + problem));
        System.out.printf("%s: %d members, %d links, %d to %d neighbours each, diameter %s%n", herdFile,
                herd.members().size(), topology.links(), topology.minDegree(), topology.maxDegree(),
                problems.isEmpty() ? topology.diameter() : "none (not a working herd)");
        return problems.isEmpty() ? 0 : 1;
    }

    Topology topology() {
        return switch (shape) {
            case ring -> Shapes.ringWithChords(members, chords);
            case random -> Shapes.random(members, degree, seed);
            case regions -> Shapes.regions(members, regions, degree, bridges, seed);
        };
    }

    /** Writes herd.json and one file per member into {@link #out}; returns the herd file. */
    Path write(Topology topology) throws IOException {
        Files.createDirectories(out);
        List<String> names = List.copyOf(topology.neighbours().keySet());
        List<MemberConfig> members = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            Map<String, PeerAddress> neighbours = new LinkedHashMap<>();
            topology.neighbours().get(name).forEach(neighbour ->
                    neighbours.put(neighbour, new PeerAddress("127.0.0.1", port + names.indexOf(neighbour))));
            MemberConfig member = MemberConfig.builder(name, port + i)
                    .host("127.0.0.1")
                    .neighbours(neighbours)
                    .places(PlacesConfig.offline())
                    .admin(new AdminConfig("127.0.0.1", adminPort + i))
                    .build();
            Files.writeString(out.resolve(name + ".json"), ConfigJson.member(member).encodePrettily());
            members.add(member);
        }
        return Files.writeString(out.resolve("herd.json"), ConfigJson.herd(new HerdConfig(members)).encodePrettily());
    }
}
