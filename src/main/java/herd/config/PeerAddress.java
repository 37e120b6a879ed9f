package herd.config;

/** Where a neighbour listens: a host name or IP literal and a TCP port. */
public record PeerAddress(String host, int port) {

    @Override
    public String toString() {
        return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
    }
}
