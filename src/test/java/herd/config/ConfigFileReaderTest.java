package herd.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        assertEquals(new JsonObject().put("name", "A").put("port", 1), ConfigFileReader.read(vertx, file).await());
    }

    @Test
    void aMissingFileIsNamed(Vertx vertx) {
        Path file = dir.resolve("absent.json");
        Throwable failure = failureOf(ConfigFileReader.read(vertx, file));
        assertInstanceOf(ConfigException.class, failure);
        assertEquals(file + ": file not found", failure.getMessage());
    }

    @Test
    void brokenJsonIsNamed(Vertx vertx) throws IOException {
        Path file = Files.writeString(dir.resolve("broken.json"), "{\"name\": ");
        Throwable failure = failureOf(ConfigFileReader.read(vertx, file));
        assertInstanceOf(ConfigException.class, failure);
        assertTrue(failure.getMessage().startsWith(file + ": not valid JSON"), failure.getMessage());
    }

    private static Throwable failureOf(Future<?> result) {
        result.otherwiseEmpty().await();
        return result.cause();
    }
}
