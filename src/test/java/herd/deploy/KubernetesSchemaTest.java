package herd.deploy;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.node.ObjectNode;

/** Every rendered manifest is valid against the Kubernetes API model, read strictly. */
class KubernetesSchemaTest {

    private static ObjectNode renderedStatefulSet() {
        return Kustomize.build().stream()
                .filter(manifest -> manifest.path("kind").asString("").equals("StatefulSet"))
                .findFirst().orElseThrow();
    }

    /** The rendered StatefulSet changed by {@code change}, read strictly. */
    private static void readChanged(Consumer<ObjectNode> change) {
        ObjectNode manifest = renderedStatefulSet().deepCopy();
        change.accept(manifest);
        StrictKubernetesModel.read(manifest);
    }

    private static ObjectNode spec(ObjectNode statefulSet) {
        return (ObjectNode) statefulSet.get("spec");
    }

    private static ObjectNode podSpec(ObjectNode statefulSet) {
        return (ObjectNode) statefulSet.get("spec").get("template").get("spec");
    }

    private static ObjectNode container(ObjectNode statefulSet) {
        return (ObjectNode) podSpec(statefulSet).get("containers").get(0);
    }

    private static void assertUnknownField(String field, Consumer<ObjectNode> change) {
        UnrecognizedPropertyException refused = assertThrows(UnrecognizedPropertyException.class,
                () -> readChanged(change));
        assertTrue(refused.getMessage().contains(field), refused.getMessage());
    }

    @Test
    void everyRenderedManifestAndTheExampleSecretReadStrictly() {
        RenderedHerd herd = RenderedHerd.load();
        assertEquals(5, herd.manifests.size());
        assertEquals(5, herd.statefulSet().getSpec().getReplicas());
        assertDoesNotThrow(RenderedHerd::secretExample);
    }

    @Test
    void theUnchangedStatefulSetIsAccepted() {
        assertDoesNotThrow(() -> readChanged(manifest -> { }));
    }

    @Test
    void misspelledFieldsAreRejected() {
        assertUnknownField("replica", manifest -> spec(manifest).set("replica", spec(manifest).remove("replicas")));
        assertUnknownField("readinesProbe", manifest ->
                container(manifest).set("readinesProbe", container(manifest).remove("readinessProbe")));
        assertUnknownField("runAsNonroot", manifest ->
                ((ObjectNode) podSpec(manifest).get("securityContext")).put("runAsNonroot", true));
        assertUnknownField("mountpath", manifest ->
                ((ObjectNode) container(manifest).get("volumeMounts").get(0)).put("mountpath", "/x"));
        assertUnknownField("lables", manifest -> ((ObjectNode) manifest.get("metadata")).put("lables", "x"));
    }

    @Test
    void misspelledFieldsAreRejectedInEveryKind() {
        for (ObjectNode manifest : Kustomize.build()) {
            ObjectNode changed = manifest.deepCopy();
            changed.put("specification", 1);
            assertThrows(UnrecognizedPropertyException.class, () -> StrictKubernetesModel.read(changed),
                    manifest.path("kind").asString());
        }
    }

    @Test
    void valuesOfTheWrongTypeAreRejected() {
        List<Consumer<ObjectNode>> changes = List.of(
                manifest -> spec(manifest).put("replicas", "five"),
                manifest -> spec(manifest).put("replicas", "5"),
                manifest -> spec(manifest).put("replicas", 5.5),
                manifest -> ((ObjectNode) container(manifest).get("securityContext"))
                        .put("readOnlyRootFilesystem", "yes"),
                manifest -> ((ObjectNode) container(manifest).get("ports").get(0)).put("containerPort", "12000"),
                manifest -> podSpec(manifest).putObject("containers").put("name", "herd"),
                manifest -> container(manifest).put("args", "-conf"));
        for (int i = 0; i < changes.size(); i++) {
            Consumer<ObjectNode> change = changes.get(i);
            assertThrows(JacksonException.class, () -> readChanged(change), "change " + i);
        }
    }

    @Test
    void yamlWithAMisspelledFieldIsRejected() {
        ObjectNode manifest = YamlDocuments.parse("test", """
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: herd}
                spec:
                  replica: 5
                  serviceName: herd
                """).get(0);
        assertThrows(UnrecognizedPropertyException.class, () -> StrictKubernetesModel.read(manifest));
    }

    @Test
    void anUnknownKindIsRejected() {
        ObjectNode deployment = renderedStatefulSet().deepCopy().put("kind", "Deployment");
        assertThrows(IllegalArgumentException.class, () -> StrictKubernetesModel.read(deployment));
        ObjectNode wrongVersion = renderedStatefulSet().deepCopy().put("apiVersion", "apps/v1beta1");
        assertThrows(IllegalArgumentException.class, () -> StrictKubernetesModel.read(wrongVersion));
    }

    @Test
    void theModelSeesTheValuesWritten() {
        StatefulSet statefulSet = RenderedHerd.load().statefulSet();
        assertEquals("Parallel", statefulSet.getSpec().getPodManagementPolicy());
        assertEquals("herd:" + System.getProperty("project.version"),
                statefulSet.getSpec().getTemplate().getSpec().getContainers().get(0).getImage(),
                "the image is pinned to the project's version");
    }
}
