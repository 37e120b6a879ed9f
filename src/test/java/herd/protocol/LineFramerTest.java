package herd.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineFramerTest {

    private final List<String> out = new ArrayList<>();
    private final LineFramer framer = new LineFramer(10, new LineFramer.Sink() {
        @Override
        public void line(String line) {
            out.add(line);
        }

        @Override
        public void overlong(String head) {
            out.add("OVERLONG " + head);
        }
    });

    private void feed(String text) {
        framer.feed(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void cutsLinesAcrossAndWithinChunksAndDropsTheCrBeforeLf() {
        feed("ab");
        feed("c\r\nde\n\nf\rg\n");
        assertEquals(List.of("abc", "de", "", "f\rg"), out);
    }

    @Test
    void aBoundedFeedStopsAfterItsLinesAndTheRestFollowsLater() {
        byte[] bytes = "a\nb\nc\r\nd".getBytes(StandardCharsets.ISO_8859_1);
        int at = framer.feed(bytes, 0, 2);
        assertEquals(List.of("a", "b"), out);
        at = framer.feed(bytes, at, 2);
        assertEquals(bytes.length, at);
        assertEquals(List.of("a", "b", "c"), out);
        framer.finish();
        assertEquals(List.of("a", "b", "c", "d"), out);
    }

    @Test
    void aFeedThatEndsAtALineEndTakesItAll() {
        byte[] bytes = "a\nb\n".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(bytes.length, framer.feed(bytes, 0, 2));
        assertEquals(List.of("a", "b"), out);
    }

    @Test
    void aLastLineWithoutLfIsDeliveredAtTheEndOfInput() {
        feed("one\ntwo\r");
        assertEquals(List.of("one"), out);
        framer.finish();
        assertEquals(List.of("one", "two"), out);
    }

    @Test
    void aLineOfTheMaximumLengthIsALine() {
        feed("0123456789\n0123456789\r\n");
        assertEquals(List.of("0123456789", "0123456789"), out);
    }

    @Test
    void aLongerLineIsCutToTheMaximumAndItsRestDiscarded() {
        feed("01234567890");
        feed("more and more");
        feed(" and more\nnext\n");
        feed("0123456789A\n");
        assertEquals(List.of("OVERLONG 0123456789", "next", "OVERLONG 0123456789"), out);
    }

    @Test
    void everyByteSurvivesTheRoundTrip() {
        byte[] bytes = {(byte) 0xc3, (byte) 0xbc, (byte) 0xff, (byte) 0x80, 0, 'x'};
        byte[] withLf = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, withLf, 0, bytes.length);
        withLf[bytes.length] = '\n';
        framer.feed(withLf);
        assertArrayEquals(bytes, out.get(0).getBytes(StandardCharsets.ISO_8859_1));
    }
}
