package herd.chaos;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One herd member as its own JVM, started from the fat jar, killed and restarted by the chaos test. */
final class MemberProcess {

    private static final Path JAR = Path.of(System.getProperty("herd.jar", "target/herd-fat.jar"));
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final String name;
    final int port;
    private final int adminPort;
    private final Path conf;
    private final Path output;
    private final String secret;
    private Process process;

    MemberProcess(String name, int port, int adminPort, Path dir, String secret) {
        this.name = name;
        this.port = port;
        this.adminPort = adminPort;
        this.conf = dir.resolve(name + ".json");
        this.output = dir.resolve(name + "-output.txt");
        this.secret = secret;
    }

    void writeConfig(Map<String, Integer> neighbourPorts, Path logDir) throws IOException {
        JsonObject neighbours = new JsonObject();
        neighbourPorts.forEach((neighbour, neighbourPort) -> neighbours.put(neighbour, "127.0.0.1:" + neighbourPort));
        Files.writeString(conf, new JsonObject()
                .put("name", name)
                .put("host", "127.0.0.1")
                .put("port", port)
                .put("neighbours", neighbours)
                .put("places", new JsonObject().put("provider", "offline"))
                .put("logFile", logDir.resolve(name + ".log").toString())
                .put("admin", new JsonObject().put("host", "127.0.0.1").put("port", adminPort))
                .put("syncIntervalSeconds", 2)
                .encodePrettily());
    }

    void start() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx256m", "-XX:+UseSerialGC",
                "-jar", JAR.toString(), "-conf", conf.toString()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
        builder.environment().put("HERD_SECRET", secret);
        process = builder.start();
    }

    /** {@code kill -9}: no goodbye to clients or peers. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        awaitExit();
    }

    /** SIGTERM: the graceful stop. */
    int stop() throws InterruptedException {
        process.destroy();
        awaitExit();
        return process.exitValue();
    }

    private void awaitExit() throws InterruptedException {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError(name + " did not exit");
        }
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** {@code GET /status}, or null while the member cannot answer. */
    JsonObject status() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + adminPort + "/status"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? new JsonObject(response.body()) : null;
        } catch (IOException notListening) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Answering on its admin port with every link up. */
    boolean linked() {
        if (!alive()) {
            throw new AssertionError(name + " exited; its output is in " + output);
        }
        JsonObject status = status();
        return status != null && status.getJsonObject("links").stream()
                .allMatch(link -> "up".equals(((JsonObject) link.getValue()).getString("state")));
    }

    String digest() {
        JsonObject status = status();
        return status == null ? null : status.getString("digest");
    }
}
