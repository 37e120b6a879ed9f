package herd.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import herd.config.PlacesConfig.Provider;
import herd.protocol.LineLimits;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** What {@link ConfigJson} writes reads back as the configuration it was written from. */
class ConfigJsonTest {

    private static final ConfigSource SOURCE = new ConfigSource("written.json", "");

    @Property(tries = 500)
    void aMemberReadsBackAsItWasWritten(@ForAll("members") MemberConfig member) {
        assertEquals(member, MemberConfigParser.parse(SOURCE, asFile(ConfigJson.member(member))));
    }

    @Test
    void aMemberAtItsDefaultsIsWrittenWithItsRequiredFieldsOnly() {
        MemberConfig member = MemberConfig.builder("Solo", 12000).build();
        assertEquals(new JsonObject().put("name", "Solo").put("port", 12000).put("neighbours", new JsonObject()),
                ConfigJson.member(member));
        assertEquals(member, MemberConfigParser.parse(SOURCE, new JsonObject(
                "{\"name\": \"Solo\", \"port\": 12000, \"neighbours\": {}}")));
    }

    @Test
    void aHerdReadsBackAsItWasWritten() {
        HerdConfig herd = new HerdConfig(List.of(
                MemberConfig.builder("A", 12000).host("127.0.0.1").neighbours(Map.of(
                        "B", new PeerAddress("::1", 12001))).places(PlacesConfig.offline()).build(),
                MemberConfig.builder("B", 12001).neighbours(Map.of("A", new PeerAddress("localhost", 12000)))
                        .admin(new AdminConfig(AdminConfig.DEFAULT_HOST, 12101)).syncInterval(Duration.ofSeconds(2))
                        .build()));
        assertEquals(herd, HerdConfigParser.parse("herd.json", asFile(ConfigJson.herd(herd))));
    }

    @Test
    void theFieldsThatDifferAreNamedAsTheFileNamesThem() {
        MemberConfig before = MemberConfig.builder("A", 12000).build();
        MemberConfig after = before.toBuilder().shutdownGrace(Duration.ofSeconds(1))
                .neighbours(Map.of("B", new PeerAddress("localhost", 12001)))
                .places(PlacesConfig.offline()).build();
        assertEquals(List.of("neighbours", "places", "shutdownGraceMs"), before.fieldsDifferingFrom(after));
        assertEquals(List.of(), after.fieldsDifferingFrom(after.toBuilder().build()));
    }

    /** Through the text of a file, as a member reads it. */
    private static JsonObject asFile(JsonObject json) {
        return new JsonObject(json.encodePrettily());
    }

    @Provide
    Arbitrary<MemberConfig> members() {
        Arbitrary<String> names = Arbitraries.strings().withCharRange('!', '~').ofMinLength(1)
                .ofMaxLength(LineLimits.MEMBER_NAME);
        return Combinators.combine(names, ports()).flatAs((name, port) -> Builders
                .withBuilder(() -> MemberConfig.builder(name, port))
                .use(Arbitraries.of("127.0.0.1", "0.0.0.0", "::", "localhost")).withProbability(0.5)
                .in(MemberConfigBuilder::host)
                .use(Arbitraries.maps(names.filter(neighbour -> !neighbour.equals(name)), peers()).ofMaxSize(4))
                .in(MemberConfigBuilder::neighbours)
                .use(places()).withProbability(0.5).in(MemberConfigBuilder::places)
                .use(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20).map(file -> "/var/log/" + file))
                .withProbability(0.5).in(MemberConfigBuilder::logFile)
                .use(Combinators.combine(Arbitraries.of("127.0.0.1", "0.0.0.0"), ports(), serverTls().injectNull(0.5))
                        .as(AdminConfig::new))
                .withProbability(0.5).in(MemberConfigBuilder::admin)
                .use(Arbitraries.of(true, false)).in(MemberConfigBuilder::logTraffic)
                .use(millis(0)).withProbability(0.5).in(MemberConfigBuilder::shutdownGrace)
                .use(Arbitraries.integers().between(1, Integer.MAX_VALUE)).withProbability(0.5)
                .in(MemberConfigBuilder::maxPendingReplies)
                .use(seconds(0)).withProbability(0.5).in(MemberConfigBuilder::clientIdleTimeout)
                .use(Arbitraries.integers().between(1, Integer.MAX_VALUE)).withProbability(0.5)
                .in(MemberConfigBuilder::maxClients)
                .use(seconds(1)).withProbability(0.5).in(MemberConfigBuilder::syncInterval)
                .use(logs()).withProbability(0.5).in(MemberConfigBuilder::log)
                .use(ports()).withProbability(0.5).in(MemberConfigBuilder::peerPort)
                .use(Combinators.combine(pemFiles(), pemFiles(), pemFiles(), reloadCheckSeconds()).as(PeerTlsConfig::new))
                .withProbability(0.5).in(MemberConfigBuilder::peerTls)
                .use(Combinators.combine(ports(), serverTls()).as(ClientTlsConfig::new)).withProbability(0.5)
                .in(MemberConfigBuilder::clientTls)
                .use(Arbitraries.just(0)).withProbability(0.3).in(MemberConfigBuilder::port)
                .build(ConfigJsonTest::valid));
    }

    /** What a file may hold: peer TLS needs a peer port; no plain client port needs a TLS one and a peer port. */
    private static MemberConfig valid(MemberConfigBuilder builder) {
        MemberConfig c = builder.build();
        if (c.peerTls() != null && !c.hasPeerPort()) {
            builder.peerTls(null);
        }
        if (!c.hasPlainPort() && (c.clientTls() == null || !c.hasPeerPort())) {
            builder.port(12000);
        }
        return builder.build();
    }

    private static Arbitrary<ServerTlsConfig> serverTls() {
        return Combinators.combine(pemFiles(), pemFiles(), reloadCheckSeconds()).as(ServerTlsConfig::new);
    }

    private static Arbitrary<String> pemFiles() {
        return Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20).map(file -> "tls/" + file + ".pem");
    }

    private static Arbitrary<Integer> reloadCheckSeconds() {
        return Arbitraries.integers().between(1, 86_400);
    }

    private static Arbitrary<PlacesConfig> places() {
        return Combinators.combine(Arbitraries.of(Provider.class),
                Arbitraries.of("http://127.0.0.1:9/x", "https://places.example/v1").injectNull(0.5), millis(1),
                seconds(0), Arbitraries.integers().between(1, 100_000), millis(0)).as(PlacesConfig::new);
    }

    private static Arbitrary<LogConfig> logs() {
        return Combinators.combine(Arbitraries.integers().between(1, 1_000_000),
                Arbitraries.integers().between(1, 100_000_000), Arbitraries.of(true, false),
                Arbitraries.integers().between(1, 1_000_000)).as(LogConfig::new);
    }

    private static Arbitrary<PeerAddress> peers() {
        return Combinators.combine(Arbitraries.of("127.0.0.1", "localhost", "::1", "herd-2.example"), ports())
                .as(PeerAddress::new);
    }

    private static Arbitrary<Integer> ports() {
        return Arbitraries.integers().between(1, 65535);
    }

    private static Arbitrary<Duration> millis(int min) {
        return Arbitraries.integers().between(min, Integer.MAX_VALUE).map(Duration::ofMillis);
    }

    private static Arbitrary<Duration> seconds(int min) {
        return Arbitraries.integers().between(min, Integer.MAX_VALUE).map(Duration::ofSeconds);
    }
}
