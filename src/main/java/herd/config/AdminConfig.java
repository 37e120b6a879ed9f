package herd.config;

/**
 * Where a member serves its HTTP admin endpoint (status, propagation figures); off the client port.
 *
 * @param tls HTTPS with the member's certificate (admin.md, HTTPS), or null for plain HTTP
 */
public record AdminConfig(String host, int port, ServerTlsConfig tls) {

    /** The admin endpoint tells about the member, so by default only this machine may ask. */
    public static final String DEFAULT_HOST = "127.0.0.1";

    /** Plain HTTP. */
    public AdminConfig(String host, int port) {
        this(host, port, null);
    }

    public String scheme() {
        return tls == null ? "http" : "https";
    }
}
