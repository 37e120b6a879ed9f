package herd.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** YAML streams of manifests, read as mappings; a duplicate key is an error, as the API server has it. */
final class YamlDocuments {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    private YamlDocuments() {
    }

    /** Every non-empty YAML document of {@code file}, each a mapping. */
    static List<ObjectNode> read(Path file) {
        try {
            return parse(file.toString(), Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot be read", e);
        }
    }

    static List<ObjectNode> parse(String source, String text) {
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
}
