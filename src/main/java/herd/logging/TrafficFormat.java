package herd.logging;

import herd.protocol.ByteWords;
import herd.protocol.LogText;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Writes traffic lines as text ({@code 2026-11-28 20:54:32.123 DEBUG #12 <- IAMAT ...}) or as
 * JSON objects with the member, connection, direction and line as fields. Runs on the writer
 * only, and does per line little more than copy: what comes before the connection is formatted
 * once per millisecond, each connection's part once, and each line is escaped ({@link LogText}).
 */
final class TrafficFormat {

    private static final byte[] TEXT_END = {'\n'};
    private static final byte[] JSON_END = "\"}\n".getBytes(StandardCharsets.US_ASCII);

    private final boolean json;
    private final String jsonMember;
    private final DateTimeFormatter time;
    private final byte[] end;
    private long formattedMillis = Long.MIN_VALUE;
    private byte[] head;

    TrafficFormat(LogFormat format, String member) {
        json = format == LogFormat.JSON;
        time = DateTimeFormatter.ofPattern(json ? "yyyy-MM-dd'T'HH:mm:ss.SSSXXX" : "yyyy-MM-dd HH:mm:ss.SSS")
                .withZone(ZoneId.systemDefault());
        String name = escaped(member.getBytes(StandardCharsets.ISO_8859_1));
        jsonMember = "\",\"level\":\"DEBUG\",\"logger_name\":\"herd.member." + name + "\",\"member\":\"" + name
                + "\",\"connection\":\"";
        end = json ? JSON_END : TEXT_END;
    }

    /** Appends the block's lines, one log line per wire line. */
    void block(TrafficBlock block, LogBuffer out) {
        block.forEach((millis, side, oneLine, data, from, length) -> {
            if (oneLine) {
                line(millis, side, data, from, length, out);
                return;
            }
            int stop = from + length;
            for (int start = from; start < stop; ) {
                int lf = ByteWords.nextLf(data, start, stop);
                int end = lf < 0 ? stop : lf;
                line(millis, side, data, start, end - start, out);
                start = end + 1;
            }
        });
    }

    private void line(long millis, TrafficBlock.Side side, byte[] data, int from, int length, LogBuffer out) {
        byte[] before = head(millis);
        byte[] connection = side.formatted == null ? side.formatted = side(side) : side.formatted;
        byte[] bytes = out.room(before.length + connection.length + length * LogText.MAX_EXPANSION + end.length);
        int at = put(bytes, out.size(), before);
        at = put(bytes, at, connection);
        at = LogText.escape(data, from, length, bytes, at, json);
        out.size(put(bytes, at, end));
    }

    /** What comes before the connection: the time, the level (and, in JSON, the member). */
    private byte[] head(long millis) {
        if (millis != formattedMillis) {
            formattedMillis = millis;
            String stamp = time.format(Instant.ofEpochMilli(millis));
            head = (json ? "{\"@timestamp\":\"" + stamp + jsonMember : stamp + " DEBUG ")
                    .getBytes(StandardCharsets.UTF_8);
        }
        return head;
    }

    /** The connection and the direction: {@code #12 <- }, or JSON fields up to the line's value. */
    private byte[] side(TrafficBlock.Side side) {
        String text = json ? escaped(side.connection) + "\",\"direction\":\"" + (side.in ? "in" : "out") + "\",\"line\":\""
                : new String(side.connection, StandardCharsets.ISO_8859_1) + (side.in ? " <- " : " -> ");
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String escaped(byte[] text) {
        byte[] out = new byte[text.length * LogText.MAX_EXPANSION];
        return new String(out, 0, LogText.escape(text, 0, text.length, out, 0, true), StandardCharsets.UTF_8);
    }

    private static int put(byte[] bytes, int at, byte[] more) {
        System.arraycopy(more, 0, bytes, at, more.length);
        return at + more.length;
    }
}
