package herd.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/** The run of plain bytes found eight at a time ends exactly where a byte-by-byte scan ends it. */
class LogTextRunTest {

    @Property(tries = 3000)
    void aRunEndsAtTheFirstByteThatIsNotPlain(@ForAll("mostlyPlain") byte[] bytes, @ForAll @IntRange(max = 16) int from,
                                              @ForAll boolean json) {
        int start = Math.min(from, bytes.length);
        assertEquals(byteByByte(bytes, start, json), LogText.plainRun(bytes, start, bytes.length, json));
    }

    /** Printable ASCII with, now and then, each kind of byte that ends a run, anywhere in a word. */
    @Provide
    Arbitrary<byte[]> mostlyPlain() {
        Arbitrary<Byte> plain = Arbitraries.bytes().between((byte) 0x20, (byte) 0x7e);
        Arbitrary<Byte> special = Arbitraries.of((byte) 0x00, (byte) 0x1f, (byte) 0x7f, (byte) 0x80, (byte) 0xff,
                (byte) '\\', (byte) '"', (byte) 0x20, (byte) 0x7e, (byte) 0x5b, (byte) 0x5d, (byte) 0x21, (byte) 0x23);
        return Arbitraries.frequencyOf(Tuple.of(20, plain), Tuple.of(1, special))
                .array(byte[].class).ofMaxSize(64);
    }

    private static int byteByByte(byte[] bytes, int i, boolean json) {
        while (i < bytes.length) {
            int b = bytes[i] & 0xff;
            if (b < 0x20 || b >= 0x7f || b == '\\' || (json && b == '"')) {
                return i;
            }
            i++;
        }
        return i;
    }
}
