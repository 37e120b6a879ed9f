package herd.logging;

import herd.protocol.ByteWords;
import java.util.Arrays;

/**
 * Traffic lines gathered on one event loop in one turn, in the raw form the writer reads: the
 * wire bytes of each entry (which may hold several LF-separated lines), and beside them its end,
 * its time and its side (connection and direction). Nothing is formatted here.
 */
final class TrafficBlock {

    /** A block this full leaves at once rather than at the end of the turn. */
    static final int HAND_OFF_BYTES = 64 * 1024;
    /** A turn's lines usually fit; a busier turn's block grows (to a little over {@link #HAND_OFF_BYTES}). */
    static final int FIRST_CAPACITY = 16 * 1024;

    /** One direction of one connection; the writer keeps its formatted form here (only it reads this). */
    static final class Side {
        final byte[] connection;
        final boolean in;
        byte[] formatted;

        Side(byte[] connection, boolean in) {
            this.connection = connection;
            this.in = in;
        }
    }

    private byte[] data;
    private int size;
    private int[] ends = new int[128];
    private long[] times = new long[128];
    private Side[] sides = new Side[128];
    /** Whether the entry is one line (given as a String, which never holds an LF): the writer need not look for line ends. */
    private boolean[] single = new boolean[128];
    private int entries;

    TrafficBlock(int capacity) {
        data = new byte[capacity];
    }

    /** @param wire a line as wire text (a String, one char per byte) or as bytes */
    void add(long millis, Side side, Object wire) {
        int length = wire instanceof String line ? line.length() : ((byte[]) wire).length;
        if (size + length > data.length) {
            data = Arrays.copyOf(data, Math.max(data.length * 2, size + length));
        }
        if (entries == ends.length) {
            ends = Arrays.copyOf(ends, entries * 2);
            times = Arrays.copyOf(times, entries * 2);
            sides = Arrays.copyOf(sides, entries * 2);
            single = Arrays.copyOf(single, entries * 2);
        }
        if (wire instanceof String line) {
            copy(line, data, size);
        } else {
            System.arraycopy((byte[]) wire, 0, data, size, length);
        }
        size += length;
        single[entries] = wire instanceof String;
        ends[entries] = size;
        times[entries] = millis;
        sides[entries++] = side;
    }

    /** Wire text is one char per byte (ISO-8859-1): this copies the string's own bytes, with no array in between. */
    @SuppressWarnings("deprecation")
    private static void copy(String line, byte[] into, int at) {
        line.getBytes(0, line.length(), into, at);
    }

    /** The memory the block holds, which is what the writer's queue is bounded by. */
    int capacity() {
        return data.length;
    }

    void clear() {
        Arrays.fill(sides, 0, entries, null);
        size = 0;
        entries = 0;
    }

    boolean full() {
        return size >= HAND_OFF_BYTES;
    }

    /** How many lines the block holds (an entry of several lines counts each). */
    int lines() {
        int lines = 0;
        for (int entry = 0, from = 0; entry < entries; from = ends[entry++]) {
            lines += single[entry] ? 1 : lineCount(data, from, ends[entry] - from);
        }
        return lines;
    }

    /** Hands each entry to {@code reader}, in order. */
    void forEach(EntryReader reader) {
        for (int entry = 0, from = 0; entry < entries; from = ends[entry++]) {
            reader.entry(times[entry], sides[entry], single[entry], data, from, ends[entry] - from);
        }
    }

    /** Lines in {@code bytes[from, from+length)}: LF-separated, a last line without its LF counts too. */
    static int lineCount(byte[] bytes, int from, int length) {
        int lines = 0;
        int end = from + length;
        for (int lf = ByteWords.nextLf(bytes, from, end); lf >= 0; lf = ByteWords.nextLf(bytes, lf + 1, end)) {
            lines++;
        }
        return length > 0 && bytes[end - 1] != '\n' ? lines + 1 : lines;
    }

    interface EntryReader {
        void entry(long millis, TrafficBlock.Side side, boolean oneLine, byte[] data, int from, int length);
    }
}
