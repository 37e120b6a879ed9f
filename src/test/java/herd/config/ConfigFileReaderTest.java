package herd.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.config.ConfigRetriever;
import io.vertx.config.ConfigRetrieverOptions;
import io.vertx.config.ConfigStoreOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
class ConfigFileReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsTheFileAndNothingElse(Vertx vertx) throws IOException {
        Path file = Files.writeString(dir.resolve("A.json"), "{\"name\": \"A\", \"port\": 1}");
        assertEquals(new JsonObject().put("name", "A").put("port", 1), read(vertx, file).await());
    }

    @Test
    void aMissingFileIsNamed(Vertx vertx) {
        Path file = dir.resolve("absent.json");
        assertEquals(file + ": file not found", failureOf(read(vertx, file)).getMessage());
    }

    @Test
    void brokenJsonIsNamedWithWhereItBreaks(Vertx vertx) throws IOException {
        Path file = Files.writeString(dir.resolve("broken.json"), "{\"name\": ");
        assertEquals(file + ": not valid JSON: Unexpected end-of-input within/between Object entries (line 1, column 10)",
                failureOf(read(vertx, file)).getMessage());
    }

    @Test
    void somethingOtherThanAnObjectIsNamed(Vertx vertx) throws IOException {
        Path array = Files.writeString(dir.resolve("array.json"), "[{\"name\": \"A\"}]");
        Path empty = Files.writeString(dir.resolve("empty.json"), "");
        assertTrue(failureOf(read(vertx, array)).getMessage()
                .startsWith(array + ": must hold one JSON object: "));
        assertTrue(failureOf(read(vertx, empty)).getMessage()
                .startsWith(empty + ": must hold one JSON object: "));
    }

    @Test
    void aDirectoryIsNamed(Vertx vertx) throws IOException {
        Path directory = Files.createDirectory(dir.resolve("conf.json"));
        assertTrue(failureOf(read(vertx, directory)).getMessage()
                .startsWith(directory + ": cannot be read: "));
    }

    /** Why the reader's store is not optional: an optional store hides a missing file and a syntax error alike. */
    @Test
    void anOptionalFileStoreWouldTurnBothProblemsIntoAnEmptyConfiguration(Vertx vertx) throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"name\": ");
        for (Path file : new Path[] {dir.resolve("absent.json"), broken}) {
            ConfigRetriever retriever = ConfigRetriever.create(vertx, new ConfigRetrieverOptions()
                    .setIncludeDefaultStores(false)
                    .addStore(new ConfigStoreOptions().setType("file").setFormat("json").setOptional(true)
                            .setConfig(new JsonObject().put("path", file.toString()))));
            assertEquals(new JsonObject(), retriever.getConfig().await(), file.toString());
            retriever.close();
        }
    }

    /** The first content, as a process reads it when it starts. */
    private static Future<JsonObject> read(Vertx vertx, Path file) {
        return ConfigFileReader.watch(vertx, file, Duration.ofHours(1), edited -> { }, problem -> { })
                .map(watch -> {
                    JsonObject first = watch.getCachedConfig();
                    watch.close();
                    return first;
                });
    }

    private static Throwable failureOf(Future<?> result) {
        result.otherwiseEmpty().await();
        return assertInstanceOf(ConfigException.class, result.cause());
    }
}
