package herd.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import herd.peer.PeerMesh;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MemberMetersTest {

    private final PrometheusMeterRegistry jvm = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    @Test
    void metersMadeBeforeTheRegistryAreScrapedAfterAndCountFromItsMaking() {
        MemberMeters meters = new MemberMeters("Clark");
        meters.command("IAMAT", "ok").increment();
        meters.replyLatency("IAMAT").record(Duration.ofMillis(3));
        meters.clients(() -> 7);
        meters.peerTraffic(() -> new PeerMesh.Traffic(3, 300, 2, 200, 1));
        assertEquals(Optional.empty(), meters.scrape(), "nothing to scrape before the registry is made");

        meters.export(jvm);
        meters.command("IAMAT", "ok").increment();
        meters.replyLatency("IAMAT").record(Duration.ofMillis(5));
        String text = meters.scrape().orElseThrow();
        assertTrue(text.contains("herd_commands_total{command=\"IAMAT\",member=\"Clark\",outcome=\"ok\"} 1.0"), text);
        assertTrue(text.contains("herd_reply_latency_seconds_count{command=\"IAMAT\",member=\"Clark\"} 1"), text);
        assertTrue(text.contains("herd_clients{member=\"Clark\"} 7.0"), text);
        assertTrue(text.contains("herd_peer_lines_total{direction=\"in\",member=\"Clark\"} 3.0"), text);
        assertTrue(text.contains("herd_peer_bytes_total{direction=\"out\",member=\"Clark\"} 200.0"), text);
        assertTrue(text.contains("herd_peer_repeats_total{member=\"Clark\"} 1.0"), text);
    }

    @Test
    void aRemovedNeighboursSeriesLeaveTheScrape() {
        MemberMeters meters = new MemberMeters("Clark");
        meters.export(jvm);
        meters.link("Bona", () -> new PeerMesh.LinkState(true, Instant.EPOCH, 0, false, 0));
        meters.link("Jaquez", () -> new PeerMesh.LinkState(true, Instant.EPOCH, 2, true, 5));
        assertTrue(meters.scrape().orElseThrow().contains("neighbour=\"Bona\""));

        meters.unlink("Bona");
        String text = meters.scrape().orElseThrow();
        assertFalse(text.contains("neighbour=\"Bona\""), text);
        assertTrue(text.contains("herd_peer_link_reconnects_total{member=\"Clark\",neighbour=\"Jaquez\"} 2.0"), text);
        assertTrue(text.contains("herd_peer_link_busy{member=\"Clark\",neighbour=\"Jaquez\"} 1.0"), text);
        assertTrue(text.contains("herd_peer_link_unsent_total{member=\"Clark\",neighbour=\"Jaquez\"} 5.0"), text);
    }

    @Test
    void twoMembersOfOneProcessScrapeTheirOwnSeriesAndTheSameJvmMeters() {
        jvm.gauge("jvm.test", 1);
        MemberMeters clark = new MemberMeters("Clark");
        MemberMeters bona = new MemberMeters("Bona");
        clark.export(jvm);
        bona.export(jvm);
        clark.command("IAMAT", "ok").increment();
        bona.command("IAMAT", "ok").increment();
        String text = clark.scrape().orElseThrow();
        assertTrue(text.contains("member=\"Clark\"") && text.contains("jvm_test 1.0"), text);
        assertFalse(text.contains("member=\"Bona\""), text);
    }

    @Test
    void everySeriesHasHelpTextAndLatenciesHaveTheHerdsBuckets() {
        MemberMeters meters = new MemberMeters("Clark");
        meters.export(jvm);
        meters.command("IAMAT", "ok").increment();
        meters.replyLatency("IAMAT").record(Duration.ofMillis(3));
        meters.propagation().record(0.004);
        meters.placesCall("offline", "OK", Duration.ofMillis(7));
        meters.clients(() -> 1);
        meters.placesCacheHits(() -> 0);
        meters.logLines(() -> 0, () -> 0);
        meters.link("Bona", () -> new PeerMesh.LinkState(true, Instant.EPOCH, 0, false, 0));
        String text = meters.scrape().orElseThrow();
        text.lines().filter(line -> line.startsWith("# TYPE herd_")).forEach(type -> {
            String family = type.split(" ")[2];
            assertTrue(text.contains("# HELP " + family + " ") && !text.contains("# HELP " + family + " \n"),
                    "no help text for " + family + ":\n" + text);
        });
        long buckets = text.lines().filter(line -> line.startsWith("herd_reply_latency_seconds_bucket{")).count();
        assertEquals(MemberMeters.LATENCY_BUCKETS.length + 1, buckets, text); // and +Inf
    }
}
