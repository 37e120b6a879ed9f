package herd.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;
import io.vertx.config.ConfigRetriever;
import io.vertx.config.ConfigRetrieverOptions;
import io.vertx.config.ConfigStoreOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.file.FileSystemException;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Reads and watches one JSON configuration file through vertx-config.
 *
 * <p>The file store is deliberately not {@code optional}: an optional store turns a missing file
 * <em>and</em> a syntax error into an empty configuration. A required store fails with a
 * {@link FileSystemException} (cause {@link NoSuchFileException}) or a {@link DecodeException};
 * both become a {@link ConfigException} naming the file.
 */
public final class ConfigFileReader {

    private ConfigFileReader() {
    }

    /**
     * Reads the file, then reads it again every {@code scanPeriod} and hands each changed content to
     * {@code changed}, and each failed read (a half-written or broken file) to {@code problem}.
     * The returned future holds the first content; the watch ends with {@link ConfigRetriever#close()}.
     */
    public static Future<ConfigRetriever> watch(Vertx vertx, Path file, Duration scanPeriod,
                                                Consumer<JsonObject> changed, Consumer<ConfigException> problem) {
        ConfigRetriever retriever = retriever(vertx, file, scanPeriod);
        return retriever.getConfig()
                .recover(failure -> {
                    retriever.close();
                    return Future.failedFuture(problem(file.toString(), failure));
                })
                .map(first -> {
                    retriever.listen(change -> changed.accept(change.getNewConfiguration()));
                    retriever.configStream().exceptionHandler(failure -> problem.accept(problem(file.toString(), failure)));
                    return retriever;
                });
    }

    /** Reads the file once; a failure is a {@link ConfigException} naming it. */
    public static Future<JsonObject> read(Vertx vertx, Path file) {
        ConfigRetriever retriever = retriever(vertx, file, Duration.ZERO);
        return retriever.getConfig()
                .onComplete(done -> retriever.close())
                .recover(failure -> Future.failedFuture(problem(file.toString(), failure)));
    }

    private static ConfigRetriever retriever(Vertx vertx, Path file, Duration scanPeriod) {
        // Absolute, because Vert.x falls back to the class path for a relative path missing on disk.
        ConfigStoreOptions store = new ConfigStoreOptions().setType("file").setFormat("json")
                .setConfig(new JsonObject().put("path", file.toAbsolutePath().toString()));
        // Without this the retriever merges the process's system properties and environment into the file.
        return ConfigRetriever.create(vertx, new ConfigRetrieverOptions()
                .setIncludeDefaultStores(false).addStore(store).setScanPeriod(scanPeriod.toMillis()));
    }

    private static ConfigException problem(String source, Throwable failure) {
        if (failure instanceof FileSystemException) {
            Throwable io = failure.getCause() != null ? failure.getCause() : failure;
            return new ConfigException(source, io instanceof NoSuchFileException ? "file not found"
                    : "cannot be read: " + io.getClass().getSimpleName() + ": " + io.getMessage());
        }
        if (failure instanceof DecodeException && failure.getCause() instanceof JsonProcessingException parser) {
            return new ConfigException(source, "not valid JSON: " + detail(parser));
        }
        if (failure instanceof DecodeException) {
            // Valid JSON, but an array, a number or nothing where the object should be (see CoreJsonFactory).
            return new ConfigException(source, "must hold one JSON object: " + failure.getMessage());
        }
        return new ConfigException(source, "cannot be read: " + failure);
    }

    /** The parser's own message with a line and column instead of its multi-line source excerpt. */
    private static String detail(JsonProcessingException parser) {
        JsonLocation at = parser.getLocation();
        return parser.getOriginalMessage()
                + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")");
    }
}
