package herd.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One herd member's validated configuration (PROTOCOL.md §8).
 *
 * @param neighbours neighbour name to its address, in the order the file lists them
 * @param admin      the admin endpoint, or null for none
 * @param logTraffic whether the log file gets every line received and sent (PROTOCOL.md §9)
 */
public record MemberConfig(
        String name,
        String host,
        int port,
        Map<String, PeerAddress> neighbours,
        PlacesConfig places,
        String logFile,
        AdminConfig admin,
        boolean logTraffic) {

    public MemberConfig {
        neighbours = Collections.unmodifiableMap(new LinkedHashMap<>(neighbours));
    }
}
