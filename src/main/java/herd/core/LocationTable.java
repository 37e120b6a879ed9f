package herd.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Every client's winning report.
 *
 * <p>A member may hold millions of clients, so each report is kept as the bytes of its AT
 * line (about 80 bytes, where the parsed objects take several hundred) and parsed again
 * only when it is read or challenged.
 *
 * <p>A new report is written over the bytes of the one it replaces when it fits, which it
 * almost always does (room is rounded up to {@link #ROOM_STEP} bytes, the unused tail filled
 * with LF, which no AT line contains). So a busy member does not make a fresh array per
 * update that lives until the client's next one: such arrays are what young collections
 * would copy and old ones would have to sweep, and copying them was most of every pause.
 *
 * <p>Threads: one thread, the member's event loop, changes the table; other threads (metrics,
 * the admin endpoint, tests) may read {@link #get}, {@link #sample}, {@link #size} and
 * {@link #digest}, and a report is read under the lock of the bytes it is written over, so that
 * it is never seen half-written. {@link #holds} and {@link #linesIn} are for the event loop
 * that changes the table.
 *
 * <p>For anti-entropy the clients are spread over {@link #BUCKETS} buckets by ID, and each
 * bucket keeps a digest: the sum of a 64-bit hash of each held AT line, updated on every
 * change. Two members hold the same reports in a bucket exactly when (but for a hash
 * collision) its digests are equal, so they need only exchange the buckets that differ.
 */
public final class LocationTable {

    public static final int BUCKETS = 256;
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final long MIX_A = 0x9e3779b97f4a7c15L;
    private static final long MIX_B = 0xc2b2ae3d27d4eb4fL;
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** Room for a line is a multiple of this: a later line a few bytes longer still fits. */
    static final int ROOM_STEP = 16;
    private static final byte UNUSED = '\n';

    /**
     * In a herd the table is cold in the processor's cache whenever an update comes, and finding
     * the client is most of what applying it costs. A map entry, its key and its first line are
     * made together and lie side by side in memory, so a lookup waits for memory about twice (the
     * bucket, then the rest); open-addressed arrays of hashes and lines, which wait for each,
     * measured slower ({@code PeerPathBenchmark 1000000 cold}).
     */
    private final ConcurrentMap<String, byte[]> atLines = new ConcurrentHashMap<>();
    private final AtomicLongArray bucketDigests = new AtomicLongArray(BUCKETS);

    /**
     * Stores the report if it beats the one held for its client.
     *
     * @return whether it was stored (and so must be flooded on)
     */
    public boolean offer(Report report) {
        byte[] held = atLines.get(report.clientId());
        if (held != null && held.length >= report.atLine().length()) {
            return overwrite(report, held);
        }
        boolean[] stored = {false};
        atLines.compute(report.clientId(), (id, current) -> {
            if (current == null || wins(report, current)) {
                stored[0] = true;
                long before = current == null ? 0 : hash(current);
                // A new array: one a reader may hold is only ever rewritten under its lock, by overwrite.
                byte[] line = write(report.atLine(), new byte[room(report.atLine())]);
                bucketDigests.addAndGet(bucket(id), hash(line) - before);
                return line;
            }
            return current;
        });
        return stored[0];
    }

    /**
     * The common case: the report fits in the held bytes, which are rewritten under their own lock
     * without writing to the map. A map write, even of the same array, marks memory the
     * collector must scan at its next pause (scale.md, Where the tail comes from).
     */
    private boolean overwrite(Report report, byte[] held) {
        if (!wins(report, held)) {
            return false;
        }
        long before = hash(held);
        synchronized (held) {
            write(report.atLine(), held);
        }
        bucketDigests.addAndGet(bucket(report.clientId()), hash(held) - before);
        return true;
    }

    /** The bytes a new array for the line has: its length rounded up to {@link #ROOM_STEP}. */
    private static int room(String line) {
        return (line.length() + ROOM_STEP - 1) / ROOM_STEP * ROOM_STEP;
    }

    /** Writes the line over {@code bytes}, which have room for it, and marks the rest unused. */
    private static byte[] write(String line, byte[] bytes) {
        for (int i = 0; i < line.length(); i++) {
            bytes[i] = (byte) line.charAt(i);
        }
        Arrays.fill(bytes, line.length(), bytes.length, UNUSED);
        return bytes;
    }

    /** How many bytes of a held array are its line. */
    static int length(byte[] held) {
        int end = held.length;
        while (end > 0 && held[end - 1] == UNUSED) {
            end--;
        }
        return end;
    }

    /** The line of held bytes another thread may be rewriting: read under their lock ({@link #overwrite}). */
    private static String locked(byte[] held) {
        synchronized (held) {
            return text(held);
        }
    }

    private static String text(byte[] held) {
        return new String(held, 0, length(held), StandardCharsets.ISO_8859_1);
    }

    /**
     * The winner rule, reading only the held time unless the times are equal; the same report
     * again (as a flood brings it from several neighbours) is recognised by its line.
     */
    private static boolean wins(Report report, byte[] held) {
        String line = text(held);
        String time = report.time().text();
        int order = DecimalText.compare(time, 0, time.length(), line, line.lastIndexOf(' ') + 1, line.length());
        return order > 0 || order == 0 && !line.equals(report.atLine()) && report.beats(decode(line));
    }

    /** Whether the client's winning report is exactly this AT line, as a flood brings it again from each side. */
    public boolean holds(String clientId, String atLine) {
        byte[] held = atLines.get(clientId);
        int length = atLine.length();
        if (held == null || held.length < length || held.length > length && held[length] != UNUSED) {
            return false;
        }
        // Copying the line out to compare arrays is faster than comparing it char by char.
        return Arrays.equals(held, 0, length, atLine.getBytes(StandardCharsets.ISO_8859_1), 0, length);
    }

    /** Which bucket a client belongs to; the same on every member (String.hashCode is specified). */
    public static int bucket(String clientId) {
        return Math.floorMod(clientId.hashCode(), BUCKETS);
    }

    public long[] bucketDigests() {
        long[] digests = new long[BUCKETS];
        for (int i = 0; i < BUCKETS; i++) {
            digests[i] = bucketDigests.get(i);
        }
        return digests;
    }

    /** The held AT lines of the given buckets, for the event loop that changes the table to read a chunk at a time. */
    public LineCursor linesIn(BitSet buckets) {
        return new LineCursor(atLines.entrySet().iterator(), buckets);
    }

    /** One digest of the whole table: equal on two members exactly when their tables are (but for collisions). */
    public String digest() {
        long combined = FNV_OFFSET;
        for (long bucketDigest : bucketDigests()) {
            combined = (combined ^ bucketDigest) * FNV_PRIME;
        }
        return String.format("%016x", combined);
    }

    /**
     * A 64-bit hash of a held line (without its unused room), eight bytes per step: it is taken
     * twice per update (the line replaced and the new one), and a byte-at-a-time hash was a
     * tenth of the peer path.
     */
    static long hash(byte[] held) {
        int length = length(held);
        long h = FNV_OFFSET ^ length;
        int i = 0;
        for (; i + Long.BYTES <= length; i += Long.BYTES) {
            h = Long.rotateLeft(h ^ (long) WORDS.get(held, i) * MIX_A, 29) * MIX_B;
        }
        long tail = 0;
        for (int shift = 0; i < length; i++, shift += Byte.SIZE) {
            tail |= (held[i] & 0xffL) << shift;
        }
        return finish(Long.rotateLeft(h ^ tail * MIX_A, 29) * MIX_B);
    }

    /** Spreads every input bit over the whole hash (MurmurHash3's 64-bit finaliser). */
    private static long finish(long h) {
        h = (h ^ (h >>> 33)) * 0xff51afd7ed558ccdL;
        h = (h ^ (h >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }

    public Optional<Report> get(String clientId) {
        byte[] held = atLines.get(clientId);
        return held == null ? Optional.empty() : Optional.of(decode(locked(held)));
    }

    /** Up to {@code max} of the held reports, whichever the table gives first: a bounded look at a table of any size. */
    public List<Report> sample(int max) {
        List<Report> sample = new ArrayList<>();
        Iterator<byte[]> held = atLines.values().iterator();
        while (sample.size() < max && held.hasNext()) {
            sample.add(decode(locked(held.next())));
        }
        return sample;
    }

    public int size() {
        return atLines.size();
    }

    /** Rebuilds a report from an AT line this table wrote: six fields, one space apart, all valid. */
    private static Report decode(String atLine) {
        String[] f = atLine.split(" ", 6);
        return new Report(f[1], f[2], f[3], Location.parse(f[4]).orElseThrow(), ClientTime.parse(f[5]).orElseThrow(),
                atLine);
    }
}
