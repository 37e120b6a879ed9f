package herd.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How a refused peer link shows (security.md, Refusals): a WARN line in the member's log, and its meter. */
public final class PeerRefusals {

    private static final Duration LIMIT = Duration.ofSeconds(10);

    private PeerRefusals() {
    }

    /** {@code herd_peer_refused_total} of the member for {@code reason}, from its admin endpoint; 0 if none yet. */
    public static double count(int adminPort, String reason) {
        String metrics = get(adminPort);
        Matcher m = Pattern.compile("(?m)^herd_peer_refused_total\\{[^}]*reason=\"" + Pattern.quote(reason)
                + "\"[^}]*} ([0-9.Ee+]+)$").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    /** Waits until the member has counted a refusal for {@code reason} and logged it at WARN. */
    public static void await(int adminPort, Path log, String reason) {
        Await.until("a refusal (" + reason + ") counted", LIMIT, () -> count(adminPort, reason) >= 1);
        awaitWarning(log, "refused (" + reason + ")");
    }

    /** Waits until the log has a WARN line containing {@code text}. */
    public static void awaitWarning(Path log, String text) {
        Await.until("a warning: " + text, LIMIT, () -> logged(log, text));
    }

    private static boolean logged(Path log, String text) {
        try {
            return Files.exists(log) && Files.readAllLines(log).stream()
                    .anyMatch(line -> line.contains("WARN") && line.contains(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String get(int adminPort) {
        try (InputStream in = URI.create("http://127.0.0.1:" + adminPort + "/metrics").toURL().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return ""; // 503 until the member's registry is made
        }
    }
}
