package herd.cli;

import herd.config.ConfigException;
import herd.config.HerdConfig;
import herd.config.HerdConfigParser;
import herd.config.MemberConfig;
import herd.config.PeerAddress;
import herd.config.WildcardHost;
import herd.launch.HerdLauncher;
import herd.tls.PemTrust;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code herd status conf/herd.json}: asks every member of a herd file for its {@code /status} and
 * prints one table. Exit 0 when every member answered with every link up and all digests equal (a
 * settled herd), 1 otherwise, 2 for a file that cannot be used.
 */
@Command(name = "status", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        description = "Shows a running herd: each member's clients, links, digest and propagation p99, from"
                + " the admin endpoints its herd file names.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every member answered, every link up, all digests equal",
                "1:a member did not answer, a link is down, or the tables differ", "2:the file cannot be used"})
final class StatusCommand implements Callable<Integer> {

    @Parameters(paramLabel = "HERD_FILE", defaultValue = "conf/herd.json", arity = "0..1",
            description = "the herd file (default: ${DEFAULT-VALUE})")
    Path herdFile;

    @Option(names = "--timeout-ms", paramLabel = "MS", defaultValue = "2000", description = "how long to wait for each member (default: ${DEFAULT-VALUE})")
    long timeoutMs;

    @Option(names = "--ca", paramLabel = "PEM", description = "for admin endpoints over HTTPS: trust the certificates"
            + " this CA (PEM) signed, instead of the JVM's default trust store")
    Path ca;

    /** Where the table goes; a test sets it. */
    PrintStream out = System.out;

    @Override
    public Integer call() throws InterruptedException {
        HerdConfig herd;
        try {
            herd = HerdConfigParser.parse(herdFile.toString(), new JsonObject(Files.readString(herdFile)));
        } catch (IOException | RuntimeException problem) {
            System.err.println("herd: " + (problem instanceof ConfigException ? problem.getMessage()
                    : herdFile + ": cannot be read: " + problem.getMessage()));
            return HerdLauncher.EXIT_BAD_CONFIGURATION;
        }
        HttpClient http;
        try {
            http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(timeoutMs)).sslContext(PemTrust.context(ca))
                    .build();
        } catch (IOException | GeneralSecurityException problem) {
            System.err.println("herd: --ca " + ca + ": cannot be used: " + problem.getMessage());
            return HerdLauncher.EXIT_BAD_CONFIGURATION;
        }
        Map<String, JsonObject> statuses = ask(http, herd.members());
        return print(herd.members(), statuses, out) ? 0 : 1;
    }

    /** Every member's status, asked at once; null for a member that did not answer or has no admin endpoint. */
    private Map<String, JsonObject> ask(HttpClient http, List<MemberConfig> members) {
        Map<String, CompletableFuture<JsonObject>> asked = new LinkedHashMap<>();
        for (MemberConfig member : members) {
            if (member.admin() == null) {
                asked.put(member.name(), CompletableFuture.completedFuture(null));
                continue;
            }
            PeerAddress admin = new PeerAddress(WildcardHost.orLoopback(member.admin().host()), member.admin().port());
            HttpRequest request = HttpRequest.newBuilder(URI.create(member.admin().scheme() + "://" + admin + "/status"))
                    .timeout(Duration.ofMillis(timeoutMs)).build();
            asked.put(member.name(), http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .thenApply(response -> response.statusCode() == 200 ? new JsonObject(response.body()) : null)
                    .exceptionally(failure -> null));
        }
        Map<String, JsonObject> statuses = new LinkedHashMap<>();
        asked.forEach((name, status) -> statuses.put(name, status.join()));
        return statuses;
    }

    /** Prints the table; true for a settled herd. */
    static boolean print(List<MemberConfig> members, Map<String, JsonObject> statuses, PrintStream out) {
        out.printf("%-12s %10s %7s  %-16s %16s%n", "member", "clients", "links", "digest", "propagation p99");
        Set<String> digests = new HashSet<>();
        boolean settled = true;
        for (MemberConfig member : members) {
            JsonObject status = statuses.get(member.name());
            if (status == null) {
                settled = false;
                out.printf("%-12s %s%n", member.name(), member.admin() == null ? "no admin endpoint in the file"
                        : "no answer from " + member.admin().host() + ":" + member.admin().port());
                continue;
            }
            JsonObject links = status.getJsonObject("links");
            List<String> down = new ArrayList<>();
            links.forEach(link -> {
                if (!"up".equals(((JsonObject) link.getValue()).getString("state"))) {
                    down.add(link.getKey());
                }
            });
            settled &= down.isEmpty();
            digests.add(status.getString("digest"));
            out.printf("%-12s %,10d %7s  %-16s %13.1f ms%s%n", member.name(), status.getLong("clients"),
                    (links.size() - down.size()) + "/" + links.size(), status.getString("digest"),
                    status.getJsonObject("propagation").getLong("p99Micros") / 1000.0,
                    down.isEmpty() ? "" : "  down: " + String.join(", ", down));
        }
        boolean equal = digests.size() == 1;
        out.println(digests.isEmpty() ? "no member answered"
                : equal ? "tables: equal at every member that answered" : "tables: differ (" + digests.size()
                + " digests); a busy herd differs for a moment, a lasting difference is repaired by anti-entropy");
        return settled && equal;
    }
}
