package herd.metrics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

/** Refused peer links are counted from the member's start, by reason (security.md, Refusals). */
class PeerRefusalMeterTest {

    @Test
    void refusalsBeforeTheRegistryIsMadeAreCounted() {
        MemberMeters meters = new MemberMeters("Clark");
        meters.peerRefused("not-tls");
        meters.peerRefused("not-tls");
        meters.export(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        meters.peerRefused("wrong-name");
        meters.peerRefused("not-tls");
        String text = meters.scrape().orElseThrow();
        assertTrue(text.contains("herd_peer_refused_total{member=\"Clark\",reason=\"not-tls\"} 3.0"), text);
        assertTrue(text.contains("herd_peer_refused_total{member=\"Clark\",reason=\"wrong-name\"} 1.0"), text);
    }
}
