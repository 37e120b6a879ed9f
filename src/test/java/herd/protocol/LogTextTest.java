package herd.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogTextTest {

    /** Wire text (one char per byte) of {@code text} sent as UTF-8. */
    private static String wire(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    @Test
    void printableAsciiAndValidUtf8PassThrough() {
        assertEquals("IAMAT kiwi.cs.ucla.edu +34.068930-118.445127 1 東京 ü 😀", LogText.of(
                wire("IAMAT kiwi.cs.ucla.edu +34.068930-118.445127 1 東京 ü 😀")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "61 1b 5b 32 4a 62 | a\\x1b[2Jb",
        "63 0d 64          | c\\x0dd",
        "00 0a 09 7f       | \\x00\\x0a\\x09\\x7f",
        "c2 9b             | \\xc2\\x9b",
        "ff fe             | \\xff\\xfe",
        "c3                | \\xc3",
        "c0 af             | \\xc0\\xaf",
        "ed a0 80          | \\xed\\xa0\\x80",
        "f4 90 80 80       | \\xf4\\x90\\x80\\x80",
        "e6 9d 41          | \\xe6\\x9dA",
        "5c 78 31 62       | \\\\x1b",
    })
    void controlBytesInvalidSequencesAndTheBackslashAreEscaped(String hex, String expected) {
        StringBuilder wire = new StringBuilder();
        for (String b : hex.trim().split(" +")) {
            wire.append((char) Integer.parseInt(b, 16));
        }
        assertEquals(expected, LogText.of(wire.toString()));
    }

    @Test
    void jsonModeEscapesForAJsonStringThatReadsAsTheTextForm() {
        byte[] wire = "a\"b\\c\033d".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("a\\\"b\\\\\\\\c\\\\x1bd", escaped(wire, true));
    }

    @Provide
    Arbitrary<byte[]> shortWire() {
        // Mostly the bytes that need care: controls, DEL, the backslash, the quote, UTF-8 leads and continuations.
        return Arbitraries.oneOf(Arbitraries.of((byte) 0, (byte) 0x0a, (byte) 0x1b, (byte) 0x1f, (byte) 0x20, (byte) 0x7e,
                        (byte) 0x7f, (byte) '\\', (byte) '"', (byte) 0x80, (byte) 0x9b, (byte) 0xbf, (byte) 0xc2,
                        (byte) 0xe6, (byte) 0xed, (byte) 0xf0, (byte) 0xff), Arbitraries.bytes())
                .array(byte[].class).ofMaxSize(7);
    }

    /**
     * Long lines are escaped eight bytes at a time where they can be: whatever lies around a few
     * bytes that need care, they come out as they do alone (where every byte is taken singly).
     */
    @Property
    void bytesAmongPlainTextAreEscapedAsTheyAreAlone(@ForAll("shortWire") byte[] wire, @ForAll @IntRange(max = 20) int before,
                                                     @ForAll @IntRange(max = 20) int after, @ForAll boolean json) {
        byte[] plain = "IAMAT kiwi.cs.ucla.edu +34.068930-118.".getBytes(StandardCharsets.US_ASCII);
        byte[] line = new byte[before + wire.length + after];
        System.arraycopy(plain, 0, line, 0, before);
        System.arraycopy(wire, 0, line, before, wire.length);
        System.arraycopy(plain, 0, line, before + wire.length, after);
        String expected = new String(plain, 0, before, StandardCharsets.US_ASCII) + escaped(wire, json)
                + new String(plain, 0, after, StandardCharsets.US_ASCII);
        assertEquals(expected, escaped(line, json));
    }

    private static String escaped(byte[] wire, boolean json) {
        byte[] out = new byte[wire.length * LogText.MAX_EXPANSION];
        return new String(out, 0, LogText.escape(wire, 0, wire.length, out, 0, json), StandardCharsets.UTF_8);
    }
}
