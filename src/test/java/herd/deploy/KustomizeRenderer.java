package herd.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Renders the small subset of kustomize that {@code k8s/kustomization.yaml} uses: plain file
 * {@code resources}, a {@code configMapGenerator} built from {@code files}, {@code generatorOptions}
 * with the name suffix hash disabled, and {@code labels}. Anything else in the kustomization is
 * refused with a message naming it, so the tests never pass on a feature they do not model.
 */
final class KustomizeRenderer {

    static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    private static final Set<String> KUSTOMIZATION_FIELDS =
            Set.of("apiVersion", "kind", "resources", "configMapGenerator", "generatorOptions", "labels");
    private static final Set<String> GENERATOR_FIELDS = Set.of("name", "files");
    private static final Set<String> GENERATOR_OPTION_FIELDS = Set.of("disableNameSuffixHash");
    private static final Set<String> LABELS_FIELDS = Set.of("pairs", "includeSelectors", "includeTemplates");

    /** Where kustomize's label transformer writes selector labels, per kind (path, create if missing). */
    private record SelectorPath(List<String> path, boolean create) {
    }

    private static final Map<String, List<SelectorPath>> SELECTOR_PATHS = Map.of(
            "Service", List.of(new SelectorPath(List.of("spec", "selector"), true)),
            "StatefulSet", List.of(new SelectorPath(List.of("spec", "selector", "matchLabels"), true)),
            "PodDisruptionBudget", List.of(new SelectorPath(List.of("spec", "selector", "matchLabels"), false)),
            "ConfigMap", List.of(),
            "Secret", List.of());
    private static final Map<String, List<String>> TEMPLATE_LABEL_PATHS = Map.of(
            "StatefulSet", List.of("spec", "template", "metadata", "labels"));

    private KustomizeRenderer() {
    }

    /** The manifests that {@code kubectl kustomize dir} would print, in resource order then generated. */
    static List<ObjectNode> render(Path dir) {
        Path file = dir.resolve("kustomization.yaml");
        JsonNode kustomization = readDocuments(file).stream().reduce((a, b) -> {
            throw new IllegalArgumentException(file + ": holds more than one YAML document");
        }).orElseThrow(() -> new IllegalArgumentException(file + ": is empty"));
        for (String field : kustomization.propertyNames()) {
            if (!KUSTOMIZATION_FIELDS.contains(field)) {
                throw new IllegalArgumentException(file + ": field \"" + field
                        + "\" is not understood by this renderer (known: " + KUSTOMIZATION_FIELDS + ")");
            }
        }
        expect(file, "apiVersion", kustomization.path("apiVersion"), "kustomize.config.k8s.io/v1beta1");
        expect(file, "kind", kustomization.path("kind"), "Kustomization");

        List<ObjectNode> manifests = new ArrayList<>();
        for (JsonNode resource : array(file, "resources", kustomization.path("resources"))) {
            Path path = dir.resolve(string(file, "resources[]", resource));
            if (!Files.isRegularFile(path)) {
                throw new IllegalArgumentException(file + ": resource " + path + " is not a file");
            }
            manifests.addAll(readDocuments(path));
        }
        JsonNode options = kustomization.path("generatorOptions");
        boolean generating = !kustomization.path("configMapGenerator").isMissingNode();
        if (generating) {
            if (!options.isMissingNode()) {
                onlyFields(file, "generatorOptions", options, GENERATOR_OPTION_FIELDS);
            }
            if (!options.path("disableNameSuffixHash").isBoolean() || !options.path("disableNameSuffixHash").booleanValue()) {
                throw new IllegalArgumentException(file + ": generatorOptions.disableNameSuffixHash must be true "
                        + "(this renderer does not compute name suffix hashes)");
            }
        } else if (!options.isMissingNode()) {
            throw new IllegalArgumentException(file + ": generatorOptions without a generator");
        }
        for (JsonNode generator : array(file, "configMapGenerator", kustomization.path("configMapGenerator"))) {
            manifests.add(configMap(dir, file, generator));
        }
        for (JsonNode labels : array(file, "labels", kustomization.path("labels"))) {
            applyLabels(file, labels, manifests);
        }
        Set<String> seen = new HashSet<>();
        for (ObjectNode manifest : manifests) {
            String id = manifest.path("apiVersion").asString("") + " " + manifest.path("kind").asString("")
                    + " " + manifest.path("metadata").path("name").asString("");
            if (!seen.add(id)) {
                throw new IllegalArgumentException(dir + ": duplicate resource " + id);
            }
        }
        return manifests;
    }

    /** Every non-empty YAML document of {@code file}, each a mapping. */
    static List<ObjectNode> readDocuments(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot be read", e);
        }
        return parseDocuments(file.toString(), text);
    }

    static List<ObjectNode> parseDocuments(String source, String text) {
        List<ObjectNode> documents = new ArrayList<>();
        for (JsonNode document : YAML.readerFor(JsonNode.class).<JsonNode>readValues(text).readAll()) {
            if (document == null || document.isNull() || document.isMissingNode()) {
                continue;
            }
            if (!(document instanceof ObjectNode object)) {
                throw new IllegalArgumentException(source + ": a YAML document is not a mapping: " + document);
            }
            documents.add(object);
        }
        return documents;
    }

    private static ObjectNode configMap(Path dir, Path file, JsonNode generator) {
        onlyFields(file, "configMapGenerator[]", generator, GENERATOR_FIELDS);
        String name = string(file, "configMapGenerator[].name", generator.path("name"));
        ObjectNode configMap = YAML.createObjectNode();
        configMap.put("apiVersion", "v1");
        configMap.put("kind", "ConfigMap");
        configMap.putObject("metadata").put("name", name);
        ObjectNode data = configMap.putObject("data");
        for (JsonNode entry : array(file, "configMapGenerator[].files", generator.path("files"))) {
            String spec = string(file, "configMapGenerator[].files[]", entry);
            int equals = spec.indexOf('=');
            Path source = dir.resolve(equals < 0 ? spec : spec.substring(equals + 1));
            String key = equals < 0 ? source.getFileName().toString() : spec.substring(0, equals);
            if (data.has(key)) {
                throw new IllegalArgumentException(file + ": ConfigMap " + name + " gets key " + key + " twice");
            }
            try {
                data.put(key, Files.readString(source));
            } catch (IOException e) {
                throw new UncheckedIOException(file + ": ConfigMap " + name + " file " + source + " cannot be read", e);
            }
        }
        return configMap;
    }

    private static void applyLabels(Path file, JsonNode labels, List<ObjectNode> manifests) {
        onlyFields(file, "labels[]", labels, LABELS_FIELDS);
        JsonNode pairs = labels.path("pairs");
        if (!pairs.isObject() || pairs.isEmpty()) {
            throw new IllegalArgumentException(file + ": labels[].pairs must be a non-empty mapping");
        }
        boolean selectors = flag(file, "labels[].includeSelectors", labels.path("includeSelectors"));
        boolean templates = selectors || flag(file, "labels[].includeTemplates", labels.path("includeTemplates"));
        for (ObjectNode manifest : manifests) {
            String kind = manifest.path("kind").asString("");
            put(manifest, List.of("metadata", "labels"), true, pairs, file);
            if (selectors) {
                List<SelectorPath> paths = SELECTOR_PATHS.get(kind);
                if (paths == null) {
                    throw new IllegalArgumentException(file + ": labels with includeSelectors on kind " + kind
                            + " is not understood by this renderer");
                }
                for (SelectorPath path : paths) {
                    put(manifest, path.path(), path.create(), pairs, file);
                }
            }
            if (templates && TEMPLATE_LABEL_PATHS.containsKey(kind)) {
                put(manifest, TEMPLATE_LABEL_PATHS.get(kind), true, pairs, file);
            }
        }
    }

    private static void put(ObjectNode manifest, List<String> path, boolean create, JsonNode pairs, Path file) {
        ObjectNode node = manifest;
        for (String step : path) {
            JsonNode next = node.get(step);
            if (next == null || next.isNull()) {
                if (!create) {
                    return;
                }
                next = node.putObject(step);
            }
            if (!(next instanceof ObjectNode object)) {
                throw new IllegalArgumentException(file + ": labels: " + String.join(".", path)
                        + " of " + manifest.path("kind").asString("") + " is not a mapping");
            }
            node = object;
        }
        for (Map.Entry<String, JsonNode> pair : pairs.properties()) {
            node.put(pair.getKey(), string(file, "labels[].pairs." + pair.getKey(), pair.getValue()));
        }
    }

    private static void onlyFields(Path file, String where, JsonNode node, Set<String> known) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(file + ": " + where + " must be a mapping");
        }
        for (String field : node.propertyNames()) {
            if (!known.contains(field)) {
                throw new IllegalArgumentException(file + ": " + where + "." + field
                        + " is not understood by this renderer (known: " + known + ")");
            }
        }
    }

    private static List<JsonNode> array(Path file, String where, JsonNode node) {
        if (node.isMissingNode()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException(file + ": " + where + " must be a list");
        }
        return List.copyOf(node.values());
    }

    private static String string(Path file, String where, JsonNode node) {
        if (!node.isString()) {
            throw new IllegalArgumentException(file + ": " + where + " must be a string, not " + node);
        }
        return node.stringValue();
    }

    private static boolean flag(Path file, String where, JsonNode node) {
        if (node.isMissingNode()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw new IllegalArgumentException(file + ": " + where + " must be true or false, not " + node);
        }
        return node.booleanValue();
    }

    private static void expect(Path file, String field, JsonNode node, String value) {
        if (!node.isString() || !node.stringValue().equals(value)) {
            throw new IllegalArgumentException(file + ": " + field + " must be " + value + ", not " + node);
        }
    }
}
