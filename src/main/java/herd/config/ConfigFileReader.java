package herd.config;

import io.vertx.config.ConfigRetriever;
import io.vertx.config.ConfigRetrieverOptions;
import io.vertx.config.ConfigStoreOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads one JSON configuration file through vertx-config. */
public final class ConfigFileReader {

    private ConfigFileReader() {
    }

    public static Future<JsonObject> read(Vertx vertx, Path file) {
        String source = file.toString();
        if (!Files.isRegularFile(file)) {
            return Future.failedFuture(new ConfigException(source, "file not found"));
        }
        ConfigStoreOptions store = new ConfigStoreOptions().setType("file").setFormat("json")
                .setConfig(new JsonObject().put("path", file.toAbsolutePath().toString()));
        // The retriever otherwise adds the process's system properties and environment to the file.
        ConfigRetriever retriever = ConfigRetriever.create(vertx,
                new ConfigRetrieverOptions().setIncludeDefaultStores(false).addStore(store));
        return retriever.getConfig()
                .recover(failure -> Future.failedFuture(new ConfigException(source, "not valid JSON: "
                        + (failure.getCause() != null ? failure.getCause().getMessage() : failure.getMessage()))))
                .onComplete(done -> retriever.close());
    }
}
