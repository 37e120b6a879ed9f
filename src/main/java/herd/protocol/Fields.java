package herd.protocol;

import java.util.ArrayList;
import java.util.List;

/** Splits a line into fields separated by runs of the protocol's white space. */
public final class Fields {

    private Fields() {
    }

    /** Space, tab, LF, VT, FF, CR: exactly the white space of protocol.md, Fields. */
    static boolean isWhiteSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    public static List<String> split(String line) {
        List<String> fields = new ArrayList<>(6);
        int start = -1;
        for (int i = 0; i < line.length(); i++) {
            if (isWhiteSpace(line.charAt(i))) {
                if (start >= 0) {
                    fields.add(line.substring(start, i));
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
            }
        }
        if (start >= 0) {
            fields.add(line.substring(start));
        }
        return fields;
    }
}
