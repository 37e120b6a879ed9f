package herd.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The renderer does what kustomize does with k8s/, and refuses what it does not model. */
class KustomizeRendererTest {

    private static String id(JsonNode manifest) {
        return manifest.path("kind").asString() + "/" + manifest.path("metadata").path("name").asString();
    }

    @Test
    void rendersTheListedResourcesAndTheGeneratedConfigMapButNotTheExampleSecret() {
        Set<String> ids = KustomizeRenderer.render(RenderedHerd.K8S).stream()
                .map(KustomizeRendererTest::id).collect(Collectors.toSet());
        assertEquals(Set.of("StatefulSet/herd", "Service/herd", "Service/herd-clients",
                "PodDisruptionBudget/herd", "ConfigMap/herd-members"), ids);
    }

    @Test
    void theConfigMapHoldsEachMemberFileUnderItsFileName() throws IOException {
        ObjectNode configMap = KustomizeRenderer.render(RenderedHerd.K8S).stream()
                .filter(manifest -> id(manifest).equals("ConfigMap/herd-members")).findFirst().orElseThrow();
        Map<String, String> data = new TreeMap<>();
        configMap.path("data").properties().forEach(entry -> data.put(entry.getKey(), entry.getValue().stringValue()));
        Map<String, String> expected = new TreeMap<>();
        for (int ordinal = 0; ordinal < 5; ordinal++) {
            Path file = RenderedHerd.K8S.resolve("members/herd-" + ordinal + ".json");
            expected.put(file.getFileName().toString(), Files.readString(file));
        }
        assertEquals(expected, data);
    }

    @Test
    void everyManifestCarriesTheAppLabel() {
        for (ObjectNode manifest : KustomizeRenderer.render(RenderedHerd.K8S)) {
            assertEquals("herd", manifest.path("metadata").path("labels").path("app.kubernetes.io/name").asString(""),
                    id(manifest));
        }
    }

    @Test
    void labelsWithIncludeSelectorsReachSelectorsAndTemplates(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources: [things.yaml]
                labels:
                  - pairs: {app: x}
                    includeSelectors: true
                """);
        Files.writeString(dir.resolve("things.yaml"), """
                apiVersion: v1
                kind: Service
                metadata: {name: s}
                spec: {ports: [{port: 1}]}
                ---
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: t}
                spec:
                  template:
                    spec: {containers: [{name: c, image: i}]}
                ---
                """);
        List<ObjectNode> rendered = KustomizeRenderer.render(dir);
        assertEquals(2, rendered.size());
        assertEquals("x", rendered.get(0).path("spec").path("selector").path("app").asString());
        assertEquals("x", rendered.get(1).path("spec").path("selector").path("matchLabels").path("app").asString());
        assertEquals("x", rendered.get(1).path("spec").path("template").path("metadata").path("labels").path("app")
                .asString());
    }

    @Test
    void readsEveryDocumentOfAMultiDocumentFile() {
        List<ObjectNode> documents = KustomizeRenderer.parseDocuments("test", "a: 1\n---\nb: 2\n---\n");
        assertEquals(2, documents.size());
        assertEquals(2, documents.get(1).path("b").intValue());
    }

    @Test
    void refusesAKustomizationFieldItDoesNotUnderstand(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                namePrefix: staging-
                resources: []
                """);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> KustomizeRenderer.render(dir));
        assertTrue(refused.getMessage().contains("namePrefix"), refused.getMessage());
    }

    @Test
    void refusesAGeneratorFieldItDoesNotUnderstand(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                configMapGenerator:
                  - name: c
                    literals: [a=b]
                generatorOptions:
                  disableNameSuffixHash: true
                """);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> KustomizeRenderer.render(dir));
        assertTrue(refused.getMessage().contains("literals"), refused.getMessage());
    }

    @Test
    void refusesAGeneratedNameWithAHashSuffix(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.json"), "{}");
        Files.writeString(dir.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                configMapGenerator:
                  - name: c
                    files: [a.json]
                """);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> KustomizeRenderer.render(dir));
        assertTrue(refused.getMessage().contains("disableNameSuffixHash"), refused.getMessage());
    }
}
