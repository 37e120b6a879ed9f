package herd.topology;

import herd.config.HerdConfig;
import herd.config.MemberConfig;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who is whose neighbour in a herd: a graph of member names. A herd works when every link is
 * listed by both its ends (a member accepts links only from members it lists) and every member
 * can reach every other; the diameter is the most hops a flood takes.
 */
public final class Topology {

    private final Map<String, Set<String>> neighbours;

    private Topology(Map<String, Set<String>> neighbours) {
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        neighbours.forEach((member, theirs) -> copy.put(member, Collections.unmodifiableSet(new LinkedHashSet<>(theirs))));
        this.neighbours = Collections.unmodifiableMap(copy);
    }

    /** The graph the members of a herd file list. */
    public static Topology of(HerdConfig herd) {
        Map<String, Set<String>> neighbours = new LinkedHashMap<>();
        for (MemberConfig member : herd.members()) {
            neighbours.put(member.name(), new LinkedHashSet<>(member.neighbours().keySet()));
        }
        return new Topology(neighbours);
    }

    /** An undirected graph from its links, each given once. */
    static Topology ofLinks(List<String> members, List<List<String>> links) {
        Map<String, Set<String>> neighbours = new LinkedHashMap<>();
        members.forEach(member -> neighbours.put(member, new LinkedHashSet<>()));
        for (List<String> link : links) {
            neighbours.get(link.get(0)).add(link.get(1));
            neighbours.get(link.get(1)).add(link.get(0));
        }
        return new Topology(neighbours);
    }

    public Map<String, Set<String>> neighbours() {
        return neighbours;
    }

    /** What keeps this graph from being a working herd; empty when nothing does. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        neighbours.forEach((member, theirs) -> {
            for (String neighbour : theirs) {
                if (!neighbours.containsKey(neighbour)) {
                    problems.add(member + " lists " + neighbour + ", which is not a member");
                } else if (!neighbours.get(neighbour).contains(member)) {
                    problems.add(member + " lists " + neighbour + ", but " + neighbour + " does not list " + member);
                }
            }
        });
        if (!neighbours.isEmpty()) {
            Map<String, Integer> reached = hops(neighbours.keySet().iterator().next());
            if (reached.size() < neighbours.size()) {
                List<String> unreached = neighbours.keySet().stream().filter(m -> !reached.containsKey(m)).toList();
                problems.add("not connected: " + neighbours.keySet().iterator().next() + " cannot reach " + unreached);
            }
        }
        return problems;
    }

    /** The most hops between two members, following links both ways listed; -1 if some member cannot reach another. */
    public int diameter() {
        int diameter = 0;
        for (String member : neighbours.keySet()) {
            Map<String, Integer> reached = hops(member);
            if (reached.size() < neighbours.size()) {
                return -1;
            }
            diameter = Math.max(diameter, Collections.max(reached.values()));
        }
        return diameter;
    }

    public int links() {
        return neighbours.values().stream().mapToInt(Set::size).sum() / 2;
    }

    public int minDegree() {
        return neighbours.values().stream().mapToInt(Set::size).min().orElse(0);
    }

    public int maxDegree() {
        return neighbours.values().stream().mapToInt(Set::size).max().orElse(0);
    }

    /** Hops from {@code start} to every member it reaches over links both ends list. */
    private Map<String, Integer> hops(String start) {
        Map<String, Integer> hops = new HashMap<>();
        Deque<String> next = new ArrayDeque<>();
        hops.put(start, 0);
        next.add(start);
        while (!next.isEmpty()) {
            String member = next.remove();
            for (String neighbour : neighbours.get(member)) {
                if (neighbours.containsKey(neighbour) && neighbours.get(neighbour).contains(member)
                        && !hops.containsKey(neighbour)) {
                    hops.put(neighbour, hops.get(member) + 1);
                    next.add(neighbour);
                }
            }
        }
        return hops;
    }
}
