package herd.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReplyTest {

    @Test
    void aLineReplyEndsWithOneLf() {
        assertArrayEquals("? HELLO\n".getBytes(StandardCharsets.US_ASCII), Reply.invalid("HELLO").toBytes());
    }

    @Test
    void theLineKeepsTheClientsBytesAndTheJsonIsUtf8FollowedByAnEmptyLine() {
        String wireLine = new String("AT X +0.000000000 ü +1+1 1".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes("AT X +0.000000000 ü +1+1 1\n".getBytes(StandardCharsets.UTF_8));
        expected.writeBytes("{\"name\" : \"東京\"}\n\n".getBytes(StandardCharsets.UTF_8));
        assertArrayEquals(expected.toByteArray(), new Reply(wireLine, "{\"name\" : \"東京\"}").toBytes());
    }
}
