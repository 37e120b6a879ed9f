package herd.loadgen;

import herd.config.HerdConfig;
import herd.config.HerdConfigParser;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Waits until a herd agrees again, and says how long that took after the links came up: every
 * member's table digest equal (or one member's equal to all the others', and it holding
 * {@code --clients} clients), read from the admin endpoints every {@link #POLL_MS} ms, so the
 * times are upper bounds within a poll. Meant for a quiet herd: under load tables differ by
 * the updates in flight. See scale.md.
 */
@Command(name = "herd-agreement", mixinStandardHelpOptions = true,
        description = "Waits until the herd's tables are equal; prints how long after the last link came up.")
public final class Agreement implements Callable<Integer> {

    static final long POLL_MS = 50;

    @Option(names = "--herd", description = "herd file listing the members (default: ${DEFAULT-VALUE})")
    Path herdFile = Path.of("conf/herd.json");

    @Option(names = "--member", description = "watch this member only: its links up, then its table equal to the others'")
    String member;

    @Option(names = "--clients", description = "also the time until the watched member holds this many clients")
    int clients;

    @Option(names = "--timeout", description = "seconds to wait at most (default: ${DEFAULT-VALUE})")
    int timeoutSeconds = 300;

    @Option(names = "--json", description = "also write the figures to this file as JSON")
    Path jsonFile;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Agreement()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        HerdConfig herd = HerdConfigParser.parse(herdFile.toString(), new JsonObject(Files.readString(herdFile)));
        Vertx vertx = Vertx.vertx();
        try {
            JsonObject figures = watch(WebClient.create(vertx), herd);
            System.out.println(figures.encode());
            if (jsonFile != null) {
                Files.writeString(jsonFile, figures.encodePrettily() + "\n");
            }
            return figures.containsKey("agreedAfterLinksUpMs") ? 0 : 1;
        } finally {
            vertx.close().await();
        }
    }

    private JsonObject watch(WebClient admin, HerdConfig herd) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutSeconds * 1000L;
        JsonObject figures = new JsonObject();
        Long linksUp = null;
        while (System.currentTimeMillis() < deadline) {
            Map<String, JsonObject> statuses = MemberStatuses.read(admin, herd.members());
            long now = System.currentTimeMillis();
            boolean everyone = statuses.size() == herd.members().size();
            JsonObject watched = member == null ? null : statuses.get(member);
            if (linksUp == null && everyone && (member == null ? statuses.values().stream().allMatch(Agreement::linksUp)
                    : watched != null && linksUp(watched))) {
                linksUp = (member == null ? statuses.values().stream() : Stream.of(watched))
                        .mapToLong(Agreement::lastLinkUp).max().orElse(now);
                figures.put("linksUpAt", linksUp);
            }
            if (linksUp != null && watched != null && clients > 0 && !figures.containsKey("clientsAfterLinksUpMs")
                    && watched.getInteger("clients") >= clients) {
                figures.put("clientsAfterLinksUpMs", now - linksUp);
            }
            if (linksUp != null && everyone && statuses.values().stream().map(s -> s.getString("digest")).distinct().count() == 1) {
                figures.put("agreedAt", now).put("agreedAfterLinksUpMs", now - linksUp);
                if (watched != null) {
                    figures.put("peerTraffic", watched.getJsonObject("peerTraffic")).put("clients", watched.getInteger("clients"));
                }
                return figures;
            }
            Thread.sleep(POLL_MS);
        }
        return figures.put("timedOut", true);
    }

    private static boolean linksUp(JsonObject status) {
        return status.getJsonObject("links").stream()
                .allMatch(link -> "up".equals(((JsonObject) link.getValue()).getString("state")));
    }

    /** When the member's latest link came up (epoch milliseconds). */
    private static long lastLinkUp(JsonObject status) {
        return status.getJsonObject("links").stream()
                .map(link -> ((JsonObject) link.getValue()).getString("since")).filter(Objects::nonNull)
                .mapToLong(since -> Instant.parse(since).toEpochMilli()).max().orElse(0);
    }
}
