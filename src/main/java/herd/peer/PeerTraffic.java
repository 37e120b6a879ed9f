package herd.peer;

/**
 * What crossed this member's peer links, both ways, since it started: lines and bytes (with
 * their line ends), and how many of the updates received it held already. A flood reaches a
 * member once from each neighbour that stored it first, so these say what one update costs the
 * herd (see scale.md). Owned by the member's event loop; {@link #totals} is a copy for others.
 */
final class PeerTraffic {

    private long linesIn;
    private long bytesIn;
    private long linesOut;
    private long bytesOut;
    private long repeatsIn;

    /** A line received on a link either way (a String of one char per byte, without its LF). */
    void received(String line) {
        linesIn++;
        bytesIn += line.length() + 1;
    }

    /** The update received last was one this member held already. */
    void repeat() {
        repeatsIn++;
    }

    /** Lines written on a link, {@code bytes} with their line ends. */
    void sent(int lines, int bytes) {
        linesOut += lines;
        bytesOut += bytes;
    }

    PeerMesh.Traffic totals() {
        return new PeerMesh.Traffic(linesIn, bytesIn, linesOut, bytesOut, repeatsIn);
    }
}
