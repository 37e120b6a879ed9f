package herd.server;

import java.time.Duration;

/**
 * What one client may take of a member (protocol.md, Limits), so that no client can exhaust its
 * memory or its connections.
 *
 * @param maxLineLength     the longest line buffered; past it the line is answered cut
 * @param maxPendingReplies the most commands awaiting their replies before the connection stops being read
 * @param idleTimeout       how long a client connection may send nothing before it is closed;
 *                          {@link Duration#ZERO} for ever
 * @param maxClients        the most client connections at once; one more is closed at once
 */
public record ClientLimits(int maxLineLength, int maxPendingReplies, Duration idleTimeout, int maxClients) {
}
