package herd.config;

/** Where a member serves its HTTP admin endpoint (status, propagation figures); off the client port. */
public record AdminConfig(String host, int port) {

    /** The admin endpoint tells about the member, so by default only this machine may ask. */
    public static final String DEFAULT_HOST = "127.0.0.1";
}
