package herd.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.node.ObjectNode;

/** k8s/ rendered and read strictly into the Kubernetes model, with lookups by kind and name. */
final class RenderedHerd {

    /** The API group of cert-manager's resources, which the Kubernetes model does not hold: tests check them by hand. */
    static final String CERT_MANAGER = "cert-manager.io/v1";

    final List<HasMetadata> manifests;
    final List<ObjectNode> certManager;

    private RenderedHerd(List<ObjectNode> rendered) {
        this.manifests = rendered.stream().filter(manifest -> !isCertManager(manifest))
                .map(StrictKubernetesModel::read).toList();
        this.certManager = rendered.stream().filter(RenderedHerd::isCertManager).toList();
    }

    private static boolean isCertManager(ObjectNode manifest) {
        return CERT_MANAGER.equals(manifest.path("apiVersion").asString());
    }

    static RenderedHerd load() {
        return new RenderedHerd(Kustomize.build());
    }

    /** k8s/ with these of its components (k8s/components/NAME). */
    static RenderedHerd with(String... components) {
        return new RenderedHerd(Kustomize.buildWith(components));
    }

    /** The cert-manager resources of this kind, by name. */
    Map<String, ObjectNode> certManager(String kind) {
        Map<String, ObjectNode> byName = new TreeMap<>();
        certManager.stream().filter(manifest -> kind.equals(manifest.path("kind").asString()))
                .forEach(manifest -> byName.put(manifest.at("/metadata/name").asString(), manifest));
        return byName;
    }

    /** The example Secret, which is not part of the kustomization. */
    static Secret secretExample() {
        List<HasMetadata> documents = YamlDocuments.read(Kustomize.K8S.resolve("secret.example.yaml")).stream()
                .map(StrictKubernetesModel::read).toList();
        if (documents.size() != 1 || !(documents.get(0) instanceof Secret secret)) {
            throw new AssertionError("k8s/secret.example.yaml must hold exactly one Secret");
        }
        return secret;
    }

    <T extends HasMetadata> T get(Class<T> type, String name) {
        return manifests.stream().filter(type::isInstance).map(type::cast)
                .filter(manifest -> manifest.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name + " rendered"));
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return manifests.stream().filter(type::isInstance).map(type::cast).toList();
    }

    StatefulSet statefulSet() {
        return get(StatefulSet.class, "herd");
    }

    PodSpec podSpec() {
        return statefulSet().getSpec().getTemplate().getSpec();
    }

    Container container() {
        List<Container> containers = podSpec().getContainers();
        if (containers.size() != 1) {
            throw new AssertionError("the herd pod should run exactly one container, not " + containers.size());
        }
        return containers.get(0);
    }

    Service peers() {
        return get(Service.class, "herd");
    }

    Service clients() {
        return get(Service.class, "herd-clients");
    }

    PodDisruptionBudget pdb() {
        return get(PodDisruptionBudget.class, "herd");
    }

    ConfigMap members() {
        return get(ConfigMap.class, "herd-members");
    }
}
