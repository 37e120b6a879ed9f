package herd.server;

/** What connects to a member's port (security.md, Peer port). */
public enum PortRole {
    /** Clients and neighbours' peer links, told apart by the first line (protocol.md, Handshake). */
    SHARED,
    /** Clients only: a peer hello is answered as any invalid command. */
    CLIENTS,
    /** Neighbours' peer links only: a connection that does not open with a neighbour's hello is closed. */
    PEERS
}
