package herd.protocol;

import herd.core.Report;
import java.util.Arrays;
import java.util.BitSet;

/**
 * One line of the peer wire, parsed (protocol.md, Peer links and Anti-entropy). {@link PeerWire}
 * reads and writes them; both ends of a link act on the type.
 */
public sealed interface PeerMessage {

    /**
     * {@code HERD-PEER name [nonce [proof]]}: opens a link, and answers the opening.
     *
     * @param nonce null without a herd secret
     * @param proof null in the dialler's hello and without a herd secret
     */
    record Hello(String name, String nonce, String proof) implements PeerMessage {
    }

    /** {@code HERD-AUTH proof}: the dialler's proof that it knows the herd secret. */
    record Auth(String proof) implements PeerMessage {
    }

    /** An AT line: a report to store if it wins, and to flood on. */
    record Update(Report report) implements PeerMessage {
    }

    /** {@code SYNC d0 d1 ...}: the sender's bucket digests, one per bucket, for the receiver to compare. */
    record Sync(long[] digests) implements PeerMessage {

        @Override
        public boolean equals(Object other) {
            return other instanceof Sync sync && Arrays.equals(digests, sync.digests);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(digests);
        }

        @Override
        public String toString() {
            return "Sync" + Arrays.toString(digests);
        }
    }

    /** {@code SYNC-NEED b1 b2 ...}: the buckets whose reports the sender wants from the receiver. */
    record SyncNeed(BitSet buckets) implements PeerMessage {
    }

    /** A line that is none of the above, and why; it is logged and ignored. */
    record Refused(String line, String reason) implements PeerMessage {
    }
}
