package herd.protocol;

import java.nio.charset.StandardCharsets;

/**
 * What a member sends back for one command: a line (an AT line or {@code ? ...}) and, for
 * WHATSAT, the places JSON. The line is wire text (one char per byte, see {@link LineFramer});
 * the JSON is Unicode text sent as UTF-8.
 */
public record Reply(String line, String json) {

    public static Reply line(String line) {
        return new Reply(line, null);
    }

    public static Reply invalid(String received) {
        return line("? " + received);
    }

    public byte[] toBytes() {
        byte[] head = (line + '\n').getBytes(StandardCharsets.ISO_8859_1);
        if (json == null) {
            return head;
        }
        byte[] body = (json + "\n\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    /**
     * Wire text made readable and safe for logs ({@link LogText}), escaped only if the log line
     * is written.
     */
    public static Object readable(String wireText) {
        return new Object() {
            @Override
            public String toString() {
                return LogText.of(wireText);
            }
        };
    }
}
