package herd.logging;

import java.util.Arrays;

/**
 * Traffic lines gathered on one event loop in one turn, in the raw form the writer reads: per
 * entry its time, direction, length and wire bytes (which may hold several LF-separated lines),
 * and beside it the label of its connection. Nothing is formatted here.
 */
final class TrafficBlock {

    /** A block this full leaves at once rather than at the end of the turn. */
    static final int HAND_OFF_BYTES = 64 * 1024;
    static final byte IN = 0;
    static final byte OUT = 1;
    private static final int HEADER = Long.BYTES + 1 + Integer.BYTES;

    private byte[] data;
    private byte[][] labels = new byte[16][];
    private int size;
    private int entries;

    TrafficBlock(int capacity) {
        data = new byte[capacity];
    }

    /** @param wire a line as wire text (a String, one char per byte) or as bytes */
    void add(long millis, byte[] label, byte direction, Object wire) {
        int length = wire instanceof String line ? line.length() : ((byte[]) wire).length;
        if (size + HEADER + length > data.length) {
            data = Arrays.copyOf(data, Math.max(data.length * 2, size + HEADER + length));
        }
        if (entries == labels.length) {
            labels = Arrays.copyOf(labels, entries * 2);
        }
        labels[entries++] = label;
        for (int shift = 56; shift >= 0; shift -= 8) {
            data[size++] = (byte) (millis >>> shift);
        }
        data[size++] = direction;
        for (int shift = 24; shift >= 0; shift -= 8) {
            data[size++] = (byte) (length >>> shift);
        }
        if (wire instanceof String line) {
            copy(line, data, size);
        } else {
            System.arraycopy((byte[]) wire, 0, data, size, length);
        }
        size += length;
    }

    /** Wire text is one char per byte (ISO-8859-1): this copies the string's own bytes, with no array in between. */
    @SuppressWarnings("deprecation")
    private static void copy(String line, byte[] into, int at) {
        line.getBytes(0, line.length(), into, at);
    }

    int capacity() {
        return data.length;
    }

    void clear() {
        java.util.Arrays.fill(labels, 0, entries, null);
        size = 0;
        entries = 0;
    }

    int size() {
        return size;
    }

    boolean full() {
        return size >= HAND_OFF_BYTES;
    }

    /** How many lines the block holds (an entry of several lines counts each). */
    int lines() {
        int lines = 0;
        for (int entry = 0, at = 0; entry < entries; entry++) {
            int length = lengthAt(at);
            lines += lineCount(data, at + HEADER, length);
            at += HEADER + length;
        }
        return lines;
    }

    /** Hands each entry to {@code reader}, in order. */
    void forEach(EntryReader reader) {
        for (int entry = 0, at = 0; entry < entries; entry++) {
            long millis = 0;
            for (int k = 0; k < Long.BYTES; k++) {
                millis = (millis << 8) | (data[at + k] & 0xff);
            }
            byte direction = data[at + Long.BYTES];
            int length = lengthAt(at);
            reader.entry(millis, labels[entry], direction, data, at + HEADER, length);
            at += HEADER + length;
        }
    }

    private int lengthAt(int at) {
        int length = 0;
        for (int k = Long.BYTES + 1; k < HEADER; k++) {
            length = (length << 8) | (data[at + k] & 0xff);
        }
        return length;
    }

    /** Lines in {@code bytes[from, from+length)}: LF-separated, a last line without its LF counts too. */
    static int lineCount(byte[] bytes, int from, int length) {
        int lines = 0;
        int end = from + length;
        for (int i = from; i < end; i++) {
            if (bytes[i] == '\n') {
                lines++;
            }
        }
        return length > 0 && bytes[end - 1] != '\n' ? lines + 1 : lines;
    }

    interface EntryReader {
        void entry(long millis, byte[] label, byte direction, byte[] data, int from, int length);
    }
}
