package herd.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/** Herd topologies of any size, for trying the herd past its standard five members. */
public final class Shapes {

    private Shapes() {
    }

    /** The names of {@code n} members: {@code m001} and on, sorting as they are numbered. */
    static List<String> names(int n) {
        int digits = Math.max(3, Integer.toString(n).length());
        return IntStream.rangeClosed(1, n).mapToObj(i -> "m" + String.format("%0" + digits + "d", i)).toList();
    }

    /**
     * A ring, each member also linked to the members {@code 2^1, 2^2, ...} places on, {@code chords}
     * of them: with one chord per member of degree about log2(n) the diameter stays near log2(n).
     */
    public static Topology ringWithChords(int n, int chords) {
        List<String> members = names(n);
        List<List<String>> links = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            link(links, members, i, (i + 1) % n);
            for (int c = 1, step = 2; c <= chords && step < n - 1; c++, step *= 2) {
                link(links, members, i, (i + step) % n);
            }
        }
        return Topology.ofLinks(members, links);
    }

    /**
     * A random graph in which every member has about {@code degree} neighbours: a ring (so that it
     * is connected) and random links between members still short of the degree.
     */
    public static Topology random(int n, int degree, long seed) {
        return Topology.ofLinks(names(n), randomLinks(names(n), degree, seed));
    }

    /**
     * {@code regions} groups of members, each a random graph of {@code degree} inside, the groups
     * joined in a ring by {@code bridges} links between each two next to each other.
     */
    public static Topology regions(int n, int regions, int degree, int bridges, long seed) {
        List<String> members = names(n);
        List<List<String>> groups = new ArrayList<>();
        for (int r = 0; r < regions; r++) {
            groups.add(members.subList(r * n / regions, (r + 1) * n / regions));
        }
        List<List<String>> links = new ArrayList<>();
        Random random = new Random(seed);
        for (int r = 0; r < regions; r++) {
            links.addAll(randomLinks(groups.get(r), degree, random.nextLong()));
        }
        for (int r = 0; r < regions && regions > 1; r++) {
            List<String> here = groups.get(r);
            List<String> next = groups.get((r + 1) % regions);
            for (int b = 0; b < bridges && (regions > 2 || r == 0); b++) {
                List<String> link = List.of(here.get(random.nextInt(here.size())), next.get(random.nextInt(next.size())));
                if (!contains(links, link)) {
                    links.add(link);
                }
            }
        }
        return Topology.ofLinks(members, links);
    }

    private static List<List<String>> randomLinks(List<String> members, int degree, long seed) {
        int n = members.size();
        List<List<String>> links = new ArrayList<>();
        int[] degrees = new int[n];
        for (int i = 0; i < n && n > 1; i++) {
            if (n > 2 || i == 0) {
                links.add(List.of(members.get(i), members.get((i + 1) % n)));
                degrees[i]++;
                degrees[(i + 1) % n]++;
            }
        }
        Random random = new Random(seed);
        for (int tries = 0; tries < 20 * n * degree; tries++) {
            int a = random.nextInt(n);
            int b = random.nextInt(n);
            List<String> link = List.of(members.get(a), members.get(b));
            if (a != b && degrees[a] < degree && degrees[b] < degree && !contains(links, link)) {
                links.add(link);
                degrees[a]++;
                degrees[b]++;
            }
        }
        return links;
    }

    private static void link(List<List<String>> links, List<String> members, int a, int b) {
        List<String> link = List.of(members.get(a), members.get(b));
        if (a != b && !contains(links, link)) {
            links.add(link);
        }
    }

    private static boolean contains(List<List<String>> links, List<String> link) {
        return links.contains(link) || links.contains(List.of(link.get(1), link.get(0)));
    }
}
