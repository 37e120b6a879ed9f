package herd.peer;

import herd.config.PeerAddress;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** How a new neighbour list differs from the running one, by neighbour name. */
public record NeighbourChange(List<String> added, List<String> removed, List<String> readdressed) {

    static NeighbourChange between(Map<String, PeerAddress> running, Map<String, PeerAddress> next) {
        return new NeighbourChange(
                next.keySet().stream().filter(name -> !running.containsKey(name)).toList(),
                running.keySet().stream().filter(name -> !next.containsKey(name)).toList(),
                next.keySet().stream()
                        .filter(name -> running.containsKey(name) && !Objects.equals(running.get(name), next.get(name)))
                        .toList());
    }

    public boolean none() {
        return added.isEmpty() && removed.isEmpty() && readdressed.isEmpty();
    }
}
