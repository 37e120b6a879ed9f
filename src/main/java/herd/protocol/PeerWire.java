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
 *
 * <p>With a herd secret, the hellos carry nonces and proofs (see {@code herd.peer.PeerAuth}):
 * {@code HERD-PEER dialler nonceD}, answered {@code HERD-PEER acceptor nonceA proofA}, then
 * {@code HERD-AUTH proofD}; each proof is an HMAC of the other side's nonce.
 *
 * <p>Anti-entropy runs over the same link: the dialler sends {@code SYNC} with its table's
 * bucket digests; the accepting member answers with its own reports of the buckets that
 * differ (AT lines) and {@code SYNC-NEED} naming those buckets, for which the dialler sends
 * its reports as ordinary updates.
 */
public final class PeerWire {

    public static final String HELLO = "HERD-PEER";
    public static final String AUTH = "HERD-AUTH";
    public static final String SYNC = "SYNC";
    public static final String SYNC_NEED = "SYNC-NEED";

    private PeerWire() {
    }

    /** A hello: the member's name and, when links are authenticated, a nonce and a proof. */
    public record Hello(String name, String nonce, String proof) {
    }

    /** {@code HERD-PEER name [nonce [proof]]}; null parts are left out. */
    public static String hello(String memberName, String nonce, String proof) {
        StringBuilder line = new StringBuilder(HELLO).append(' ').append(memberName);
        if (nonce != null) {
            line.append(' ').append(nonce);
            if (proof != null) {
                line.append(' ').append(proof);
            }
        }
        return line.toString();
    }

    public static Optional<Hello> parseHello(String line) {
        List<String> fields = Fields.split(line);
        if (fields.size() < 2 || fields.size() > 4 || !fields.get(0).equals(HELLO)) {
            return Optional.empty();
        }
        return Optional.of(new Hello(fields.get(1), fields.size() > 2 ? fields.get(2) : null,
                fields.size() > 3 ? fields.get(3) : null));
    }

    /** {@code HERD-AUTH proof}: the dialling member's answer to the accepting member's nonce. */
    public static String auth(String proof) {
        return AUTH + ' ' + proof;
    }

    public static Optional<String> parseAuth(String line) {
        List<String> fields = Fields.split(line);
        return fields.size() == 2 && fields.get(0).equals(AUTH) ? Optional.of(fields.get(1)) : Optional.empty();
    }

    public static Optional<Report> parseUpdate(String line) {
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

    /** {@code SYNC d0 d1 ...}: a table's bucket digests, in hexadecimal. */
    public static String sync(long[] bucketDigests) {
        StringBuilder line = new StringBuilder(SYNC);
        for (long digest : bucketDigests) {
            line.append(' ').append(Long.toHexString(digest));
        }
        return line.toString();
    }

    /** The bucket digests of a {@code SYNC} line with exactly {@code buckets} of them. */
    public static Optional<long[]> parseSync(String line, int buckets) {
        List<String> fields = Fields.split(line);
        if (fields.size() != buckets + 1 || !fields.get(0).equals(SYNC)) {
            return Optional.empty();
        }
        long[] digests = new long[buckets];
        try {
            for (int i = 0; i < buckets; i++) {
                digests[i] = Long.parseUnsignedLong(fields.get(i + 1), 16);
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.of(digests);
    }

    /** {@code SYNC-NEED b1 b2 ...}: the buckets whose reports the other side should send. */
    public static String need(boolean[] buckets) {
        StringBuilder line = new StringBuilder(SYNC_NEED);
        for (int i = 0; i < buckets.length; i++) {
            if (buckets[i]) {
                line.append(' ').append(i);
            }
        }
        return line.toString();
    }

    /** The buckets a {@code SYNC-NEED} line names, as flags indexed by bucket. */
    public static Optional<boolean[]> parseNeed(String line, int buckets) {
        List<String> fields = Fields.split(line);
        if (fields.isEmpty() || !fields.get(0).equals(SYNC_NEED)) {
            return Optional.empty();
        }
        boolean[] needed = new boolean[buckets];
        for (String field : fields.subList(1, fields.size())) {
            if (!field.matches("[0-9]{1,4}") || Integer.parseInt(field) >= buckets) {
                return Optional.empty();
            }
            needed[Integer.parseInt(field)] = true;
        }
        return Optional.of(needed);
    }
}
