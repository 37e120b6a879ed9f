package herd.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import herd.config.AdminConfig;
import herd.config.ConfigJson;
import herd.config.MemberConfig;
import herd.config.MemberConfigBuilder;
import herd.config.PeerAddress;
import herd.config.PlacesConfig;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One herd member as its own JVM, run from the fat jar as a user runs it
 * ({@code java [options] -jar herd-fat.jar -conf FILE}) in a folder of its own; started, stopped,
 * killed and restarted by the test. Its standard output and error are appended to one file.
 */
public final class MemberProcess {

    private static final Path JAR = Path.of(System.getProperty("herd.jar", "target/herd-fat.jar")).toAbsolutePath();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration START_LIMIT = Duration.ofSeconds(30);
    private static final Duration EXIT_LIMIT = Duration.ofSeconds(30);

    private final String name;
    /** Null for a file the test wrote by hand: then the process has no known ports. */
    private final MemberConfig config;
    private final Path conf;
    private final Path dir;
    private final Path output;
    /** A small heap and the serial collector: several members run at once on a machine of few cores. */
    private final List<String> jvmOptions = new ArrayList<>(List.of("-Xmx256m", "-XX:+UseSerialGC"));
    private String secret;
    private List<String> arguments;
    private Process process;

    private MemberProcess(String name, MemberConfig config, Path conf, Path dir) {
        this.name = name;
        this.config = config;
        this.conf = conf;
        this.dir = dir;
        this.output = dir.resolve(name + "-output.txt");
        this.arguments = List.of("-conf", conf.toString());
    }

    /**
     * A member on loopback with the offline places, its log in {@code dir} and an admin endpoint on
     * a free port.
     */
    public static MemberConfigBuilder loopback(String name, int port, Map<String, Integer> neighbourPorts, Path dir) {
        Map<String, PeerAddress> neighbours = new LinkedHashMap<>();
        neighbourPorts.forEach((neighbour, neighbourPort) -> neighbours.put(neighbour,
                new PeerAddress("127.0.0.1", neighbourPort)));
        return MemberConfig.builder(name, port)
                .host("127.0.0.1")
                .neighbours(neighbours)
                .places(PlacesConfig.offline())
                .logFile(dir.resolve(name + ".log").toString())
                .admin(new AdminConfig("127.0.0.1", FreePorts.next()));
    }

    /** The member of {@code config}, its file written to {@code dir/NAME.json}. */
    public static MemberProcess of(MemberConfig config, Path dir) throws IOException {
        Path conf = Files.writeString(dir.resolve(config.name() + ".json"),
                ConfigJson.member(config).encodePrettily());
        return new MemberProcess(config.name(), config, conf, dir);
    }

    /** The member of a file as it is, e.g. one a test wrote to be refused, or none at all. */
    public static MemberProcess ofFile(Path conf, Path dir) {
        String file = conf.getFileName().toString();
        return new MemberProcess(file.substring(0, file.lastIndexOf('.')), null, conf, dir);
    }

    /** @param secret the process's HERD_SECRET, or null (the default) for none */
    public MemberProcess secret(String secret) {
        this.secret = secret;
        return this;
    }

    /**
     * The jar run with other arguments than {@code -conf FILE}: the {@code herd} command line;
     * its output goes to {@code dir/LABEL-output.txt}.
     */
    public static MemberProcess herd(String label, Path dir, String... arguments) {
        MemberProcess run = new MemberProcess(label, null, dir.resolve(label + ".json"), dir);
        run.arguments = List.of(arguments);
        return run;
    }

    /** More options for the JVM, before {@code -jar}. */
    public MemberProcess jvmOptions(String... options) {
        jvmOptions.addAll(List.of(options));
        return this;
    }

    public MemberProcess start() throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
        builder.environment().remove("HERD_SECRET");
        if (secret != null) {
            builder.environment().put("HERD_SECRET", secret);
        }
        process = builder.start();
        return this;
    }

    /** Waits until the client port takes a connection; fails if the process exits first. */
    public MemberProcess awaitListening() {
        return awaitListeningOn(config().port());
    }

    /** Waits until {@code port} takes a connection; fails if the process exits first. */
    public MemberProcess awaitListeningOn(int port) {
        Await.until(name + " listening on " + port, START_LIMIT, () -> {
            assertTrue(alive(), name + " exited while starting; its output is in " + output);
            try (LineClient probe = new LineClient(port)) {
                return true;
            } catch (IOException notYet) {
                return false;
            }
        });
        return this;
    }

    /** {@code kill -9}: no goodbye to clients or peers. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        awaitExit();
    }

    /** SIGTERM, the graceful stop; returns the exit code. */
    public int stop() throws InterruptedException {
        process.destroy();
        return awaitExit();
    }

    /** Waits for the process to end by itself, e.g. refusing its configuration; returns the exit code. */
    public int awaitExit() throws InterruptedException {
        if (!process.waitFor(EXIT_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError(name + " did not exit; its output is in " + output);
        }
        return process.exitValue();
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    /** The configuration file the process is (or would be) started with. */
    public Path configFile() {
        return conf;
    }

    public String name() {
        return name;
    }

    public int port() {
        return config().port();
    }

    /** Everything the process has written to its standard output and error. */
    public String output() throws IOException {
        return Files.readString(output);
    }

    /** {@code GET /status}, or null while the member cannot answer. */
    public JsonObject status() {
        HttpResponse<String> response = admin("/status");
        return response != null && response.statusCode() == 200 ? new JsonObject(response.body()) : null;
    }

    /** {@code GET path} on the admin port, or null while the member cannot answer. */
    public HttpResponse<String> admin(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + config().admin().port() + path))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException notListening) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Answering on its admin port with every link up. */
    public boolean linked() {
        if (!alive()) {
            throw new AssertionError(name + " exited; its output is in " + output);
        }
        JsonObject status = status();
        return status != null && status.getJsonObject("links").stream()
                .allMatch(link -> "up".equals(((JsonObject) link.getValue()).getString("state")));
    }

    public String digest() {
        JsonObject status = status();
        return status == null ? null : status.getString("digest");
    }

    private MemberConfig config() {
        if (config == null) {
            throw new IllegalStateException(conf + " was written by hand: its ports are unknown here");
        }
        return config;
    }
}
