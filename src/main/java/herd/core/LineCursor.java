package herd.core;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Iterator;
import java.util.Map;

/**
 * The held AT lines of some buckets of a {@link LocationTable}, a chunk at a time, as the table
 * holds them: anti-entropy sends them without decoding them, and a whole table never needs to be
 * in memory twice. Read on the event loop that changes the table; a line changed after the
 * cursor began is given as it is when its turn comes.
 */
public final class LineCursor {

    private final Iterator<Map.Entry<String, byte[]>> entries;
    private final BitSet buckets;
    private int lines;

    LineCursor(Iterator<Map.Entry<String, byte[]>> entries, BitSet buckets) {
        this.entries = entries;
        this.buckets = buckets;
    }

    /**
     * The next whole lines, each with its LF, about {@code maxBytes} in all (more only for a
     * single line that is longer); null once every line has been given.
     */
    public byte[] next(int maxBytes) {
        byte[] chunk = new byte[maxBytes];
        int used = 0;
        while (entries.hasNext()) {
            Map.Entry<String, byte[]> entry = entries.next();
            if (!buckets.get(LocationTable.bucket(entry.getKey()))) {
                continue;
            }
            byte[] held = entry.getValue();
            int length = LocationTable.length(held);
            if (used + length + 1 > chunk.length) {
                chunk = Arrays.copyOf(chunk, Math.max(chunk.length * 2, used + length + 1));
            }
            System.arraycopy(held, 0, chunk, used, length);
            chunk[used + length] = '\n';
            used += length + 1;
            lines++;
            if (used >= maxBytes) {
                break;
            }
        }
        return used == 0 ? null : Arrays.copyOf(chunk, used);
    }

    /** How many lines were given so far. */
    public int lines() {
        return lines;
    }
}
