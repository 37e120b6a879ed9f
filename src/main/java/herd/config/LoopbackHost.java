package herd.config;

/**
 * Hosts that bind the loopback interface only, so that only processes on the machine can connect:
 * {@code localhost}, 127.0.0.0/8 and {@code ::1}, written as a configuration file writes them.
 */
public final class LoopbackHost {

    private LoopbackHost() {
    }

    public static boolean is(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return h.equalsIgnoreCase("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")
                || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }
}
