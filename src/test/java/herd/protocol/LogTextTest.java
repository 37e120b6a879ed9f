package herd.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
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
        byte[] out = new byte[wire.length * LogText.MAX_EXPANSION];
        int length = LogText.escape(wire, 0, wire.length, out, 0, true);
        assertEquals("a\\\"b\\\\\\\\c\\\\x1bd", new String(out, 0, length, StandardCharsets.UTF_8));
    }
}
