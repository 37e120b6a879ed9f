package herd.loadgen;

import herd.admin.HistogramText;
import herd.config.MemberConfig;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Every member's {@code /status} (admin.md), asked of all at once so that a herd of a hundred is
 * read in about the time of one; members without an admin port, or that did not answer, are left out.
 */
final class MemberStatuses {

    private MemberStatuses() {
    }

    /** Blocks until every member answered or failed; not on an event loop. */
    static Map<String, JsonObject> read(WebClient admin, List<MemberConfig> herd) {
        List<MemberConfig> asked = herd.stream().filter(m -> m.admin() != null).toList();
        List<Future<JsonObject>> answers = new ArrayList<>();
        for (MemberConfig member : asked) {
            answers.add(admin.get(member.admin().port(), "127.0.0.1", "/status").ssl(member.admin().tls() != null).send()
                    .map(response -> response.statusCode() == 200 ? response.bodyAsJsonObject() : null)
                    .otherwiseEmpty());
        }
        Future.join(answers).otherwiseEmpty().await();
        Map<String, JsonObject> statuses = new LinkedHashMap<>();
        for (int i = 0; i < asked.size(); i++) {
            JsonObject status = answers.get(i).result();
            if (status != null) {
                statuses.put(asked.get(i).name(), status);
            }
        }
        return statuses;
    }

    /** The propagation figures a status carries in full (HdrHistogram's compressed form), or null if unreadable. */
    static Histogram propagation(JsonObject status) {
        return HistogramText.decode(status.getJsonObject("propagation").getString("histogram")).orElse(null);
    }

    /** A peer-traffic count of the status ({@code linesIn}, {@code bytesOut}...). */
    static long peer(JsonObject status, String count) {
        return status.getJsonObject("peerTraffic").getLong(count);
    }
}
