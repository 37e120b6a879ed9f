package herd.protocol;

import herd.core.ClientTime;
import herd.core.Location;
import herd.core.Report;
import herd.core.TimeDifference;
import java.util.List;
import java.util.Optional;

/**
 * The lines members send each other. A link opens with {@code HERD-PEER <name>} from the
 * dialling member, answered by the same line naming the accepting member; after that the
 * dialler sends updates as AT lines, which carry every field of a {@link Report}.
 */
public final class PeerWire {

    public static final String HELLO = "HERD-PEER";

    /** Room for an AT line built from the longest client line, plus the fields a member adds. */
    public static final int MAX_LINE_LENGTH = 16 * 1024;

    private PeerWire() {
    }

    public static String hello(String memberName) {
        return HELLO + ' ' + memberName;
    }

    /** The member a hello line names, if the line is a hello. */
    public static Optional<String> helloName(String line) {
        List<String> fields = Fields.split(line);
        if (fields.size() == 2 && fields.get(0).equals(HELLO)) {
            return Optional.of(fields.get(1));
        }
        return Optional.empty();
    }

    public static Optional<Report> parseUpdate(String line) {
        List<String> fields = Fields.split(line);
        if (fields.size() != 6 || !fields.get(0).equals("AT") || !TimeDifference.isWellFormed(fields.get(2))) {
            return Optional.empty();
        }
        Optional<Location> location = Location.parse(fields.get(4));
        Optional<ClientTime> time = ClientTime.parse(fields.get(5));
        if (location.isEmpty() || time.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Report(fields.get(1), fields.get(2), fields.get(3), location.get(), time.get()));
    }
}
