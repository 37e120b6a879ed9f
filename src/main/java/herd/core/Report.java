package herd.core;

import java.util.Comparator;

/**
 * A client's location as accepted by one member (the origin), with the AT line the origin
 * sent back to the client, byte for byte.
 *
 * @param atLine the reply to the IAMAT, which WHATSAT repeats and floods carry:
 *               {@code AT origin diff client location time}, single spaces; built once, because
 *               every member stores, floods and answers with it
 */
public record Report(String origin, String timeDifference, String clientId, Location location, ClientTime time,
                     String atLine) {

    public Report(String origin, String timeDifference, String clientId, Location location, ClientTime time) {
        this(origin, timeDifference, clientId, location, time,
                "AT " + origin + ' ' + timeDifference + ' ' + clientId + ' ' + location.text() + ' ' + time.text());
    }

    /**
     * Which of two reports about one client wins: the later client time; on equal times a
     * fixed order of the remaining fields, so every member picks the same winner whatever
     * order reports arrive in.
     */
    public static final Comparator<Report> WINNER_ORDER = Comparator
            .comparing(Report::time)
            .thenComparing(Report::origin)
            .thenComparing(r -> r.location().text())
            .thenComparing(Report::timeDifference)
            .thenComparing(r -> r.time().text());

    public boolean beats(Report other) {
        return WINNER_ORDER.compare(this, other) > 0;
    }
}
