package herd.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where a member listens: a host name or IP literal and a TCP port. */
public record PeerAddress(String host, int port) {

    /** The forms an address is written in. */
    public static final String FORMS = "host:port or [v6]:port";
    private static final Pattern FORM = Pattern.compile("(?:\\[([0-9A-Fa-f:.]+)]|([A-Za-z0-9.-]+)):([0-9]{1,5})");

    /**
     * Reads {@code host:port} or {@code [v6]:port}.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public static PeerAddress parse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("malformed address \"" + text + "\" (expected " + FORMS + ")");
        }
        int port = Integer.parseInt(m.group(3));
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not from 1 to 65535");
        }
        return new PeerAddress(m.group(1) != null ? m.group(1) : m.group(2), port);
    }

    @Override
    public String toString() {
        return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
    }
}
