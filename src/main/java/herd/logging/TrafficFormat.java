package herd.logging;

import herd.protocol.LogText;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Writes traffic lines as text ({@code 2026-11-28 20:54:32.123 DEBUG #12 <- IAMAT ...}) or as
 * JSON objects with the member, connection, direction and line as fields. Runs on the writer
 * only: the time is formatted once per millisecond, and each line is escaped ({@link LogText}).
 */
final class TrafficFormat {

    private final boolean json;
    private final byte[] jsonMember;
    private final DateTimeFormatter time;
    private long formattedMillis = Long.MIN_VALUE;
    private byte[] formattedTime;

    TrafficFormat(LogFormat format, String member) {
        json = format == LogFormat.JSON;
        time = DateTimeFormatter.ofPattern(json ? "yyyy-MM-dd'T'HH:mm:ss.SSSXXX" : "yyyy-MM-dd HH:mm:ss.SSS")
                .withZone(ZoneId.systemDefault());
        byte[] name = member.getBytes(StandardCharsets.ISO_8859_1);
        byte[] escaped = new byte[name.length * LogText.MAX_EXPANSION];
        int length = LogText.escape(name, 0, name.length, escaped, 0, true);
        jsonMember = ("\",\"level\":\"DEBUG\",\"logger_name\":\"herd.member." + new String(escaped, 0, length,
                StandardCharsets.UTF_8) + "\",\"member\":\"" + new String(escaped, 0, length, StandardCharsets.UTF_8)
                + "\",\"connection\":\"").getBytes(StandardCharsets.UTF_8);
    }

    /** Appends the block's lines, one log line per wire line. */
    void block(TrafficBlock block, LogBuffer out) {
        block.forEach((millis, label, direction, data, from, length) -> {
            int end = from + length;
            int start = from;
            for (int i = from; i <= end; i++) {
                if (i == end ? i > start : data[i] == '\n') {
                    line(millis, label, direction, data, start, i - start, out);
                    start = i + 1;
                }
            }
        });
    }

    private void line(long millis, byte[] label, byte direction, byte[] data, int from, int length, LogBuffer out) {
        byte[] stamp = time(millis);
        byte[] bytes = out.room(stamp.length + jsonMember.length + (label.length + length) * LogText.MAX_EXPANSION + 64);
        int at = out.size();
        if (json) {
            at = put(bytes, at, "{\"@timestamp\":\"");
            at = put(bytes, at, stamp);
            at = put(bytes, at, jsonMember);
            at = LogText.escape(label, 0, label.length, bytes, at, true);
            at = put(bytes, at, direction == TrafficBlock.IN ? "\",\"direction\":\"in\",\"line\":\""
                    : "\",\"direction\":\"out\",\"line\":\"");
            at = LogText.escape(data, from, length, bytes, at, true);
            at = put(bytes, at, "\"}\n");
        } else {
            at = put(bytes, at, stamp);
            at = put(bytes, at, " DEBUG ");
            at = put(bytes, at, label);
            at = put(bytes, at, direction == TrafficBlock.IN ? " <- " : " -> ");
            at = LogText.escape(data, from, length, bytes, at, false);
            bytes[at++] = '\n';
        }
        out.size(at);
    }

    private byte[] time(long millis) {
        if (millis != formattedMillis) {
            formattedMillis = millis;
            formattedTime = time.format(Instant.ofEpochMilli(millis)).getBytes(StandardCharsets.US_ASCII);
        }
        return formattedTime;
    }

    private static int put(byte[] bytes, int at, byte[] more) {
        System.arraycopy(more, 0, bytes, at, more.length);
        return at + more.length;
    }

    private static int put(byte[] bytes, int at, String ascii) {
        for (int i = 0; i < ascii.length(); i++) {
            bytes[at++] = (byte) ascii.charAt(i);
        }
        return at;
    }
}
