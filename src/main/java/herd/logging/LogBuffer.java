package herd.logging;

import java.util.Arrays;

/** The writer's output: formatted lines gathered into one large write. */
final class LogBuffer {

    private byte[] bytes = new byte[512 * 1024];
    private int size;

    /** Room for {@code more} bytes; returns the array to write into from {@link #size()}. */
    byte[] room(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
        return bytes;
    }

    void append(byte[] more) {
        room(more.length);
        System.arraycopy(more, 0, bytes, size, more.length);
        size += more.length;
    }

    int size() {
        return size;
    }

    void size(int newSize) {
        size = newSize;
    }

    byte[] bytes() {
        return bytes;
    }

    void clear() {
        size = 0;
    }
}
