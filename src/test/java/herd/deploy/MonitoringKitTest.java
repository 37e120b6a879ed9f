package herd.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import herd.config.PlacesConfig;
import herd.testing.Await;
import herd.testing.LineClient;
import herd.testing.TestHerd;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * k8s/components/monitoring: rendered with the real kustomize, and every metric its alert rules and
 * its dashboard use exists on a member's {@code /metrics} with the labels they use.
 */
@ExtendWith(VertxExtension.class)
class MonitoringKitTest {

    private static final Pattern METRIC = Pattern.compile("\\b((?:herd|jvm|process)_[a-z_]+)(\\{([^}]*)})?");
    private static final Pattern BY = Pattern.compile("\\bby \\(([^)]*)\\)");
    /** Labels Prometheus adds to what it scrapes (from the PodMonitor's target), and histograms' own. */
    private static final Set<String> ADDED_BY_PROMETHEUS = Set.of("pod", "namespace", "le");

    @Test
    void theComponentRendersAPodMonitorOnTheAdminPortAlertRulesAndADashboard() throws Exception {
        List<ObjectNode> rendered = Kustomize.buildWith("monitoring");
        ObjectNode podMonitor = only(rendered, "PodMonitor");
        assertEquals("admin", podMonitor.at("/spec/podMetricsEndpoints/0/port").asString());
        assertEquals("herd", podMonitor.at("/spec/selector/matchLabels/app.kubernetes.io~1name").asString());
        ObjectNode statefulSet = only(rendered, "StatefulSet");
        List<String> ports = new ArrayList<>();
        statefulSet.at("/spec/template/spec/containers/0/ports").forEach(port -> ports.add(port.path("name").asString()));
        assertTrue(ports.contains("admin"), "the pods name no admin port: " + ports);
        assertEquals("herd", statefulSet.at("/spec/template/metadata/labels/app.kubernetes.io~1name").asString());
        assertTrue(only(rendered, "PrometheusRule").at("/spec/groups/0/rules").size() >= 6);
        ObjectNode dashboard = only(rendered, "ConfigMap", "herd-grafana-dashboard");
        assertEquals("1", dashboard.at("/metadata/labels/grafana_dashboard").asString());
        JsonNode panels = new ObjectMapper().readTree(dashboard.at("/data/herd-dashboard.json").asString()).path("panels");
        assertTrue(panels.size() >= 10, "panels: " + panels.size());
    }

    @Test
    void everyMetricTheRulesAndTheDashboardUseIsServedWithTheirLabels(Vertx vertx, @TempDir Path logs) throws Exception {
        Map<String, Set<String>> used = usedMetrics();
        assertTrue(used.size() >= 10, "metrics used: " + used);
        try (TestHerd herd = TestHerd.standard(vertx, logs, PlacesConfig.offline()).start()) {
            try (LineClient client = new LineClient(herd.port("Clark"))) {
                client.send("IAMAT kiwi +34.068930-118.445127 1621464827.5\n").readLine();
                client.send("WHATSAT kiwi 10 1\n").readWhatsAtReply();
            }
            WebClient http = WebClient.create(vertx);
            Await.until("Clark's metrics", Duration.ofSeconds(10), () -> http.get(herd.adminPort("Clark"), "127.0.0.1",
                    "/metrics").send().map(HttpResponse::statusCode).await() == 200);
            Await.until("Clark's gauges published", Duration.ofSeconds(10),
                    () -> served(http, herd).getOrDefault("herd_clients", Set.of()).contains("member"));
            Map<String, Set<String>> served = served(http, herd);
            used.forEach((metric, labels) -> {
                assertTrue(served.containsKey(metric), metric + " is used but not served; served: " + served.keySet());
                Set<String> missing = new TreeSet<>(labels);
                missing.removeAll(served.get(metric));
                missing.removeAll(ADDED_BY_PROMETHEUS);
                assertEquals(Set.of(), missing, metric + " is used with labels it does not have");
            });
        }
    }

    /** Each series name on Clark's /metrics and the labels it carries. */
    private static Map<String, Set<String>> served(WebClient http, TestHerd herd) {
        String text = http.get(herd.adminPort("Clark"), "127.0.0.1", "/metrics").send().map(HttpResponse::bodyAsString)
                .await();
        Map<String, Set<String>> served = new TreeMap<>();
        text.lines().filter(line -> !line.startsWith("#") && !line.isBlank()).forEach(line -> {
            Matcher series = METRIC.matcher(line);
            if (series.lookingAt()) {
                served.computeIfAbsent(series.group(1), name -> new TreeSet<>()).addAll(labels(series.group(3)));
            }
        });
        return served;
    }

    /** Each metric the rules and the dashboard name, with the labels named beside it (matchers, by). */
    private static Map<String, Set<String>> usedMetrics() throws Exception {
        List<String> expressions = new ArrayList<>();
        Path kit = Path.of("k8s", "components", "monitoring");
        for (ObjectNode document : YamlDocuments.read(kit.resolve("prometheusrule.yaml"))) {
            document.at("/spec/groups").forEach(group -> group.path("rules").forEach(rule ->
                    expressions.add(rule.path("expr").asString())));
        }
        new ObjectMapper().readTree(Files.readString(kit.resolve("herd-dashboard.json"))).path("panels").forEach(panel ->
                panel.path("targets").forEach(target -> expressions.add(target.path("expr").asString())));
        Map<String, Set<String>> used = new TreeMap<>();
        for (String expression : expressions) {
            Set<String> grouped = new TreeSet<>();
            Matcher by = BY.matcher(expression);
            while (by.find()) {
                grouped.addAll(names(by.group(1)));
            }
            Matcher metric = METRIC.matcher(expression);
            while (metric.find()) {
                Set<String> labels = used.computeIfAbsent(metric.group(1), name -> new TreeSet<>());
                labels.addAll(labels(metric.group(3)));
                labels.addAll(grouped);
            }
        }
        return used;
    }

    private static Set<String> labels(String matchers) {
        Set<String> labels = new TreeSet<>();
        if (matchers != null) {
            for (String matcher : matchers.split(",")) {
                String name = matcher.split("[=!~]", 2)[0].strip();
                if (!name.isEmpty()) {
                    labels.add(name);
                }
            }
        }
        return labels;
    }

    private static Set<String> names(String list) {
        Set<String> names = new TreeSet<>();
        for (String name : list.split(",")) {
            names.add(name.strip());
        }
        return names;
    }

    private static ObjectNode only(List<ObjectNode> rendered, String kind) {
        List<ObjectNode> found = rendered.stream().filter(doc -> kind.equals(doc.path("kind").asString())).toList();
        assertEquals(1, found.size(), "rendered " + kind + "s");
        return found.get(0);
    }

    private static ObjectNode only(List<ObjectNode> rendered, String kind, String namePrefix) {
        List<ObjectNode> found = rendered.stream().filter(doc -> kind.equals(doc.path("kind").asString())
                && doc.at("/metadata/name").asString().startsWith(namePrefix)).toList();
        assertEquals(1, found.size(), "rendered " + kind + " " + namePrefix);
        return found.get(0);
    }
}
