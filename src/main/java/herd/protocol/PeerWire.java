package herd.protocol;

import herd.core.ClientTime;
import herd.core.Location;
import herd.core.Report;
import herd.core.LocationTable;
import herd.core.TimeDifference;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads and writes the lines of the peer wire as {@link PeerMessage}s (protocol.md, Peer
 * links): the one place that knows the keywords, the field counts and the line end.
 */
public final class PeerWire {

    private static final String HELLO = "HERD-PEER";
    private static final String AUTH = "HERD-AUTH";
    private static final String SYNC = "SYNC";
    private static final String SYNC_NEED = "SYNC-NEED";
    private static final String UPDATE = "AT";
    private static final Pattern HEX_DIGEST = Pattern.compile("[0-9a-fA-F]{1,16}");
    private static final Pattern BUCKET = Pattern.compile("[0-9]{1,4}");

    private PeerWire() {
    }

    /** The line a message is written as, with its LF, one byte per char. */
    public static byte[] encode(PeerMessage message) {
        return (text(message) + '\n').getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String text(PeerMessage message) {
        if (message instanceof PeerMessage.Update update) {
            return update.report().atLine();
        }
        if (message instanceof PeerMessage.Hello hello) {
            StringBuilder line = new StringBuilder(HELLO).append(' ').append(hello.name());
            if (hello.nonce() != null) {
                line.append(' ').append(hello.nonce());
                if (hello.proof() != null) {
                    line.append(' ').append(hello.proof());
                }
            }
            return line.toString();
        }
        if (message instanceof PeerMessage.Auth auth) {
            return AUTH + ' ' + auth.proof();
        }
        if (message instanceof PeerMessage.Sync sync) {
            StringBuilder line = new StringBuilder(SYNC);
            for (long digest : sync.digests()) {
                line.append(' ').append(Long.toHexString(digest));
            }
            return line.toString();
        }
        if (message instanceof PeerMessage.SyncNeed need) {
            StringBuilder line = new StringBuilder(SYNC_NEED);
            need.buckets().stream().forEach(bucket -> line.append(' ').append(bucket));
            return line.toString();
        }
        throw new IllegalArgumentException("a refused line is never sent: " + message);
    }

    /** The message a line holds, or {@link PeerMessage.Refused} with the reason; never throws. */
    public static PeerMessage decode(String line) {
        if (line.startsWith(UPDATE + ' ')) {
            return update(line); // most lines are updates: no splitting into fields first
        }
        List<String> fields = Fields.split(line);
        if (fields.isEmpty()) {
            return refused(line, "an empty line");
        }
        return switch (fields.get(0)) {
            case UPDATE -> update(line);
            case HELLO -> fields.size() >= 2 && fields.size() <= 4
                    ? new PeerMessage.Hello(fields.get(1), fields.size() > 2 ? fields.get(2) : null,
                            fields.size() > 3 ? fields.get(3) : null)
                    : refused(line, "a hello has a name and at most a nonce and a proof");
            case AUTH -> fields.size() == 2 ? new PeerMessage.Auth(fields.get(1))
                    : refused(line, "an authentication has exactly one proof");
            case SYNC -> sync(line, fields);
            case SYNC_NEED -> need(line, fields);
            default -> refused(line, "not a peer message");
        };
    }

    private static PeerMessage update(String line) {
        Optional<Report> report = parseUpdate(line);
        return report.isPresent() ? new PeerMessage.Update(report.get()) : refused(line, "a malformed update");
    }

    private static PeerMessage.Refused refused(String line, String reason) {
        return new PeerMessage.Refused(line, reason);
    }

    private static PeerMessage sync(String line, List<String> fields) {
        if (fields.size() != LocationTable.BUCKETS + 1) {
            return refused(line, "a digest line has " + LocationTable.BUCKETS + " digests");
        }
        long[] digests = new long[LocationTable.BUCKETS];
        for (int i = 0; i < digests.length; i++) {
            String digest = fields.get(i + 1);
            if (!HEX_DIGEST.matcher(digest).matches()) {
                return refused(line, "digest " + i + " is not hexadecimal");
            }
            digests[i] = Long.parseUnsignedLong(digest, 16);
        }
        return new PeerMessage.Sync(digests);
    }

    private static PeerMessage need(String line, List<String> fields) {
        BitSet buckets = new BitSet(LocationTable.BUCKETS);
        for (String field : fields.subList(1, fields.size())) {
            if (!BUCKET.matcher(field).matches() || Integer.parseInt(field) >= LocationTable.BUCKETS) {
                return refused(line, "no bucket " + field);
            }
            buckets.set(Integer.parseInt(field));
        }
        return new PeerMessage.SyncNeed(buckets);
    }

    /** The report of an AT line, with every field checked; its AT line is rebuilt with single spaces. */
    static Optional<Report> parseUpdate(String line) {
        int[] spaces = canonicalSpaces(line);
        if (spaces == null) {
            List<String> fields = Fields.split(line);
            return fields.size() == 6 ? update(fields.get(0), fields.get(1), fields.get(2), fields.get(3),
                    fields.get(4), fields.get(5), null) : Optional.empty();
        }
        return update(line.substring(0, spaces[0]), line.substring(spaces[0] + 1, spaces[1]),
                line.substring(spaces[1] + 1, spaces[2]), line.substring(spaces[2] + 1, spaces[3]),
                line.substring(spaces[3] + 1, spaces[4]), line.substring(spaces[4] + 1), line);
    }

    /** @param atLine the line the fields came from if it is already the AT line they make, else null */
    private static Optional<Report> update(String keyword, String origin, String difference, String clientId,
                                           String locationText, String timeText, String atLine) {
        if (!keyword.equals("AT") || !TimeDifference.isWellFormed(difference)) {
            return Optional.empty();
        }
        Optional<Location> location = Location.parse(locationText);
        Optional<ClientTime> time = ClientTime.parse(timeText);
        if (location.isEmpty() || time.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(atLine != null
                ? new Report(origin, difference, clientId, location.get(), time.get(), atLine)
                : new Report(origin, difference, clientId, location.get(), time.get()));
    }

    /**
     * Where the five spaces are when six fields are joined by single spaces, as members write
     * them (then the line is the AT line itself, and its fields are cut out in one pass); else null.
     */
    private static int[] canonicalSpaces(String line) {
        int[] spaces = new int[5];
        int found = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ' ') {
                if (found == spaces.length || i == (found == 0 ? 0 : spaces[found - 1] + 1)) {
                    return null;
                }
                spaces[found++] = i;
            } else if (Fields.isWhiteSpace(c)) {
                return null;
            }
        }
        return found == spaces.length && spaces[found - 1] != line.length() - 1 ? spaces : null;
    }

    /**
     * The client ID of a canonical AT line (the fourth field), or null: enough to recognise an
     * update this member already holds without parsing it.
     */
    public static String clientOf(String line) {
        int at = 0;
        for (int field = 0; field < 3; field++) {
            at = line.indexOf(' ', at) + 1;
            if (at == 0) {
                return null;
            }
        }
        int end = line.indexOf(' ', at);
        return end < 0 ? null : line.substring(at, end);
    }
}
