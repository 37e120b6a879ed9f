package herd.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import herd.config.MemberConfig;
import herd.testing.Await;
import herd.testing.FreePorts;
import herd.testing.LineClient;
import herd.testing.MemberProcess;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a member loads to start and answer: a real process run with {@code -verbose:class}. Each of
 * these libraries cost a member a tenth to a quarter of a second of a start on two cores (see
 * startup.md); none of them does anything a member needs, so none may come back by accident.
 */
class StartupIT {

    /** Package prefixes, with what brought each in. */
    private static final List<String> NOT_LOADED = List.of(
            "ch.qos.logback.classic.joran.", // logback's XML configuration
            "com.sun.org.apache.xerces.", // the XML parser under it
            "io.vertx.launcher.", // Vert.x's application launcher
            "picocli.", // its command line
            "com.fasterxml.jackson.databind.", // Vert.x's JSON codec, when databind is on the class path
            "io.vertx.micrometer."); // Vert.x's own metrics

    @TempDir
    Path dir;

    @Test
    void aMemberListensAndAnswersAnOfflineWhatsatWithoutTheLibrariesThatSlowedItsStart() throws Exception {
        MemberConfig solo = MemberProcess.loopback("Solo", FreePorts.next(), Map.of(), dir).build();
        MemberProcess member = MemberProcess.of(solo, dir).jvmOptions("-verbose:class").start();
        int exit;
        try {
            member.awaitListening();
            try (LineClient client = new LineClient(solo.port())) {
                client.send("IAMAT kiwi +34.068930-118.445127 1621464827.959498503\n").readLine();
                String whatsat = client.send("WHATSAT kiwi 10 5\n").readWhatsAtReply();
                assertTrue(whatsat.contains("\"name\" : \"Los Angeles\""), whatsat);
            }
            Await.until("/metrics answered", Duration.ofSeconds(20), () -> {
                HttpResponse<String> metrics = member.admin("/metrics");
                return metrics != null && metrics.statusCode() == 200;
            });
        } finally {
            exit = member.stop();
        }
        assertEquals(0, exit);
        List<String> lines = member.output().lines().toList();
        List<String> loaded = lines.stream()
                .filter(line -> line.contains("[class,load] "))
                .map(line -> line.substring(line.indexOf("[class,load] ") + "[class,load] ".length()))
                .toList();
        assertTrue(loaded.stream().anyMatch(name -> name.startsWith("herd.server.ProtocolServer ")),
                "no class loading in the output: " + loaded.size() + " lines");
        for (String prefix : NOT_LOADED) {
            assertEquals(List.of(), loaded.stream().filter(name -> name.startsWith(prefix)).limit(3).toList(), prefix);
        }
        int listening = indexOf(lines, line -> line.contains("Solo listening on"));
        int index = indexOf(lines, line -> line.contains("[class,load] herd.places.offline.GeoNamesPlaces "));
        assertTrue(listening >= 0 && index > listening, "the offline index began loading before the member listened");
        int prometheus = indexOf(lines, line -> line.contains("[class,load] io.prometheus.metrics."));
        assertTrue(prometheus > listening, "the Prometheus registry was made before the member listened");
    }

    private static int indexOf(List<String> lines, java.util.function.Predicate<String> found) {
        for (int i = 0; i < lines.size(); i++) {
            if (found.test(lines.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
