package herd.admin;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * A whole histogram as {@code /status} carries it (admin.md): HdrHistogram's compressed form,
 * base64, for tools (herd-bench, the live page) to read back and merge.
 */
public final class HistogramText {

    private HistogramText() {
    }

    public static String encode(Histogram histogram) {
        ByteBuffer encoded = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(encoded);
        return Base64.getEncoder().encodeToString(Arrays.copyOf(encoded.array(), length));
    }

    /** The histogram, or empty when the text is not one. */
    public static Optional<Histogram> decode(String text) {
        try {
            return Optional.of(Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(text)), 0));
        } catch (DataFormatException | IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }
}
