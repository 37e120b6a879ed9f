package herd.testing;

import herd.admin.MemberStatus;
import herd.config.AdminConfig;
import herd.config.ConfigJson;
import herd.config.ConfigSource;
import herd.config.HerdConfig;
import herd.config.HerdConfigParser;
import herd.config.MemberConfig;
import herd.config.MemberConfigBuilder;
import herd.config.PeerAddress;
import herd.config.PlacesConfig;
import herd.member.Member;
import herd.member.MemberVerticle;
import herd.member.Secrets;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The herd of {@code conf/herd.json} (the standard five members and their topology) running
 * in the test's Vert.x on free loopback ports, with logs in a temporary folder and places
 * from a given endpoint.
 */
public final class TestHerd implements AutoCloseable {

    public static final String API_KEY = "test-key-0123456789";
    /** Test herds authenticate their peer links, as a deployed herd should. */
    public static final String HERD_SECRET = "test-herd-secret";

    private final Vertx vertx;
    private final Map<String, MemberConfig> configs = new LinkedHashMap<>();
    private String adminToken;
    private final Map<String, String> deployments = new LinkedHashMap<>();
    private final Map<String, MemberVerticle> verticles = new LinkedHashMap<>();

    private TestHerd(Vertx vertx) {
        this.vertx = vertx;
    }

    public static TestHerd standard(Vertx vertx, Path logDir, PlacesConfig places) {
        return standard(vertx, logDir, places, UnaryOperator.identity());
    }

    /** @param adjust changes each member's configuration, e.g. {@code c -> c.maxClients(3)} */
    public static TestHerd standard(Vertx vertx, Path logDir, PlacesConfig places,
                                    UnaryOperator<MemberConfigBuilder> adjust) {
        HerdConfig standard = readStandardHerd();
        Map<String, Integer> ports = new LinkedHashMap<>();
        Map<String, Integer> adminPorts = new LinkedHashMap<>();
        standard.members().forEach(member -> {
            ports.put(member.name(), FreePorts.next());
            adminPorts.put(member.name(), FreePorts.next());
        });
        TestHerd herd = new TestHerd(vertx);
        Map<String, PeerAddress> herdAdmin = new LinkedHashMap<>();
        adminPorts.forEach((name, adminPort) -> herdAdmin.put(name, new PeerAddress("127.0.0.1", adminPort)));
        for (MemberConfig member : standard.members()) {
            Map<String, PeerAddress> neighbours = new LinkedHashMap<>();
            member.neighbours().keySet().forEach(name -> neighbours.put(name, new PeerAddress("127.0.0.1", ports.get(name))));
            MemberConfigBuilder loopback = member.toBuilder()
                    .host("127.0.0.1")
                    .port(ports.get(member.name()))
                    .neighbours(neighbours)
                    .places(places)
                    .logFile(logDir.resolve(member.name() + ".log").toString())
                    .admin(new AdminConfig("127.0.0.1", adminPorts.get(member.name())))
                    .herdAdmin(herdAdmin)
                    .logTraffic(true);
            herd.configs.put(member.name(), adjust.apply(loopback).build());
        }
        return herd;
    }

    private static HerdConfig readStandardHerd() {
        try {
            String text = Files.readString(Path.of("conf/herd.json"));
            return HerdConfigParser.parse("conf/herd.json", new JsonObject(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }


    /** Members started from now on require {@code token} of the admin endpoint's requests other than GET. */
    public TestHerd adminToken(String token) {
        adminToken = token;
        return this;
    }

    /** Starts every member and waits until every peer link is up. */
    public TestHerd start() {
        configs.keySet().forEach(this::startMember);
        awaitLinks();
        return this;
    }

    public void startMember(String name) {
        MemberVerticle verticle = new MemberVerticle(configs.get(name), new ConfigSource("test herd", name + "."),
                new Secrets(API_KEY, HERD_SECRET, adminToken));
        deployments.put(name, vertx.deployVerticle(verticle).await());
        verticles.put(name, verticle);
    }

    public void stopMember(String name) {
        vertx.undeploy(deployments.remove(name)).await();
        verticles.remove(name);
    }

    /** Waits until every running member's links to its running neighbours are up. */
    public void awaitLinks() {
        Await.until("peer links up", Duration.ofSeconds(15), () -> verticles.keySet().stream().allMatch(name -> {
            MemberStatus status = status(name);
            return status.linksUp().containsAll(status.links().keySet().stream().filter(verticles::containsKey).toList());
        }));
    }

    /** Runs an action on a member's event loop. */
    public void onLoop(String name, Consumer<Member> action) {
        verticles.get(name).onLoop(action);
    }

    public Member member(String name) {
        return verticles.get(name).member();
    }

    /** The member's status of this moment, taken on its event loop. */
    public MemberStatus status(String name) {
        return member(name).status().await();
    }

    public int port(String name) {
        return configs.get(name).port();
    }

    public int adminPort(String name) {
        return configs.get(name).admin().port();
    }

    /** This herd as a herd file, as tools such as herd-bench read it. */
    public Path writeHerdFile(Path file) throws IOException {
        return Files.writeString(file, ConfigJson.herd(new HerdConfig(List.copyOf(configs.values()))).encodePrettily());
    }

    /** The members running now. */
    public List<String> running() {
        return List.copyOf(verticles.keySet());
    }

    public Iterable<String> names() {
        return configs.keySet();
    }

    @Override
    public void close() {
        for (String name : deployments.keySet().toArray(String[]::new)) {
            stopMember(name);
        }
    }
}
