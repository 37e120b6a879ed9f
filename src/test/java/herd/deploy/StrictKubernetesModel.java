package herd.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.Map;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.deser.BeanDeserializerBuilder;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * Reads a manifest into its fabric8 Kubernetes model class as strictly as the API server
 * would: an unknown or misspelled field, or a value of the wrong type, is an error.
 *
 * <p>The fabric8 models would otherwise keep unknown fields in {@code additionalProperties}
 * through a {@code @JsonAnySetter}; the deserializer modifier takes that any-setter away, so
 * Jackson's own unknown-property check applies.
 */
final class StrictKubernetesModel {

    /** apiVersion + " " + kind to the model class; a kind not here is refused. */
    private static final Map<String, Class<? extends HasMetadata>> TYPES = Map.of(
            "apps/v1 StatefulSet", StatefulSet.class,
            "v1 Service", Service.class,
            "policy/v1 PodDisruptionBudget", PodDisruptionBudget.class,
            "v1 ConfigMap", ConfigMap.class,
            "v1 Secret", Secret.class,
            "networking.k8s.io/v1 NetworkPolicy", NetworkPolicy.class);

    /** Removes every bean's any-setter, so unknown properties reach FAIL_ON_UNKNOWN_PROPERTIES. */
    private static final class NoAnySetter extends ValueDeserializerModifier {
        private static final long serialVersionUID = 1L;

        @Override
        public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription.Supplier beanDesc,
                                                     BeanDeserializerBuilder builder) {
            builder.setAnySetter(null);
            return builder;
        }
    }

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            // "5" is not 5 and "true" is not true to the API server either.
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .addModule(new SimpleModule("strict-kubernetes").setDeserializerModifier(new NoAnySetter()))
            .build();

    private StrictKubernetesModel() {
    }

    /** @throws IllegalArgumentException for an unknown kind; Jackson's exception for a bad field */
    static HasMetadata read(JsonNode manifest) {
        String key = manifest.path("apiVersion").asString("") + " " + manifest.path("kind").asString("");
        Class<? extends HasMetadata> type = TYPES.get(key);
        if (type == null) {
            throw new IllegalArgumentException("no model for apiVersion/kind \"" + key + "\" (known: "
                    + TYPES.keySet() + ")");
        }
        HasMetadata model = MAPPER.treeToValue(manifest, type);
        if (model.getMetadata() == null || model.getMetadata().getName() == null) {
            throw new IllegalArgumentException(key + " without metadata.name");
        }
        return model;
    }
}
