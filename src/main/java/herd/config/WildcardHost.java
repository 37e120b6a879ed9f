package herd.config;

import java.util.Set;

/** Hosts that bind every interface of the machine. */
public final class WildcardHost {

    private static final Set<String> HOSTS = Set.of("0.0.0.0", "::", "[::]");

    private WildcardHost() {
    }

    public static boolean is(String host) {
        return HOSTS.contains(host);
    }

    /** Where a tool on this machine reaches a port bound to {@code host}: the loopback address for a wildcard. */
    public static String orLoopback(String host) {
        return is(host) ? "127.0.0.1" : host;
    }
}
