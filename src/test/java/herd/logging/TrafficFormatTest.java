package herd.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TrafficFormatTest {

    private static final byte[] CLIENT = "#12".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LINK = "link:B\"".getBytes(StandardCharsets.US_ASCII);

    private static String format(LogFormat format) {
        TrafficBlock block = new TrafficBlock(64);
        block.add(1_700_000_000_123L, new TrafficBlock.Side(CLIENT, true), "IAMAT a\033b +1+1 1");
        block.add(1_700_000_000_124L, new TrafficBlock.Side(LINK, false), "AT A +0 x +1+1 1\nAT A +0 y +1+1 1\n"
                .getBytes(StandardCharsets.US_ASCII));
        LogBuffer out = new LogBuffer();
        new TrafficFormat(format, "A").block(block, out);
        assertEquals(3, block.lines());
        return new String(out.bytes(), 0, out.size(), StandardCharsets.UTF_8);
    }

    @Test
    void textHasTheTimeTheConnectionTheDirectionAndTheEscapedLine() {
        String[] lines = format(LogFormat.TEXT).split("\n", -1);
        assertEquals(4, lines.length);
        assertTrue(lines[0].matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} DEBUG #12 <- IAMAT a\\\\x1bb \\+1\\+1 1"),
                lines[0]);
        assertTrue(lines[1].endsWith(" DEBUG link:B\" -> AT A +0 x +1+1 1"), lines[1]);
        assertTrue(lines[2].endsWith(" DEBUG link:B\" -> AT A +0 y +1+1 1"), lines[2]);
        assertEquals("", lines[3]);
    }

    @Test
    void jsonHasTheMemberConnectionDirectionAndLineAsFields() {
        String[] lines = format(LogFormat.JSON).split("\n");
        assertEquals(3, lines.length);
        JsonObject first = new JsonObject(lines[0]);
        assertEquals("A", first.getString("member"));
        assertEquals("#12", first.getString("connection"));
        assertEquals("in", first.getString("direction"));
        assertEquals("IAMAT a\\x1bb +1+1 1", first.getString("line"));
        assertEquals("DEBUG", first.getString("level"));
        assertTrue(first.getString("@timestamp").matches("2023-11-1\\dT\\d\\d:\\d\\d:\\d\\d\\.12\\d.*"), lines[0]);
        JsonObject third = new JsonObject(lines[2]);
        assertEquals("link:B\"", third.getString("connection"));
        assertEquals("out", third.getString("direction"));
        assertEquals("AT A +0 y +1+1 1", third.getString("line"));
    }
}
