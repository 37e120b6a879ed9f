package herd.server;

/**
 * The client connections a member holds on all its client ports together, which {@code maxClients}
 * bounds (sizing.md): a plain and a TLS client port do not get a limit each. Used only on the
 * member's event loop, where all its ports accept.
 */
public final class ClientCount {

    private int count;

    boolean reached(int max) {
        return count >= max;
    }

    void add() {
        count++;
    }

    void remove() {
        count--;
    }

    int count() {
        return count;
    }
}
