package herd.admin;

import herd.peer.PeerMesh;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.HdrHistogram.Histogram;

/**
 * What a member shows of itself (its {@code /status}, its gauges), taken at one moment on its
 * event loop and never changed after, so any thread may read it (see admin.md).
 *
 * @param links             by neighbour, in configuration order
 * @param propagationMicros a copy of how long updates took to get here, that no one records into
 * @param replyMicros       copies of how long replies took to be ready, by command ({@code IAMAT}, {@code WHATSAT})
 * @param repairs           what anti-entropy repaired since the member started
 * @param peerTraffic       lines and bytes over its peer links since it started, both ways
 * @param placesCacheHits   WHATSATs answered from the places cache
 * @param writtenLogLines   traffic lines the log's writer took into the file
 * @param droppedLogLines   traffic lines the log dropped because its writer could not keep up
 * @param caughtUp          the member holds what its herd holds, so it is ready (admin.md, Readiness)
 */
public record MemberStatus(String name, int clients, String digest, Map<String, PeerMesh.LinkState> links,
                           Histogram propagationMicros, Map<String, Histogram> replyMicros, PeerMesh.Repairs repairs,
                           PeerMesh.Traffic peerTraffic, long placesCacheHits, long writtenLogLines, long droppedLogLines,
                           boolean caughtUp) {

    public MemberStatus {
        links = Collections.unmodifiableMap(new LinkedHashMap<>(links));
        replyMicros = Collections.unmodifiableMap(new LinkedHashMap<>(replyMicros));
    }

    /** The neighbours whose link from this member was up. */
    public Set<String> linksUp() {
        Set<String> up = new TreeSet<>();
        links.forEach((neighbour, state) -> {
            if (state.up()) {
                up.add(neighbour);
            }
        });
        return up;
    }
}
