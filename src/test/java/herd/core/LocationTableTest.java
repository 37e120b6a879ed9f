package herd.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class LocationTableTest {

    static Report report(String origin, String location, String time) {
        return new Report(origin, "+0.000000001", "kiwi", Location.parse(location).orElseThrow(),
                ClientTime.parse(time).orElseThrow());
    }

    @Test
    void storesTheFirstReportAndEachLaterOneButNotAnOlderOrTheSame() {
        LocationTable table = new LocationTable();
        assertTrue(table.offer(report("Clark", "+1+1", "10")));
        assertTrue(table.offer(report("Bona", "+2+2", "10.0000000000000000001")));
        assertFalse(table.offer(report("Jaquez", "+3+3", "10")));
        assertFalse(table.offer(report("Bona", "+2+2", "10.0000000000000000001")));
        assertEquals("Bona", table.get("kiwi").orElseThrow().origin());
        assertEquals(1, table.size());
    }

    @Test
    void theWinnerDoesNotDependOnArrivalOrder() {
        List<Report> reports = List.of(report("Clark", "+1+1", "5"), report("Bailey", "+1+1", "5.0"),
                report("Bailey", "+2+2", "5"), report("Bailey", "+1+1", "5"), report("Clark", "+0+0", "4.9999"));
        Report expected = null;
        for (int round = 0; round < 50; round++) {
            List<Report> order = new ArrayList<>(reports);
            Collections.shuffle(order, new java.util.Random(round));
            LocationTable table = new LocationTable();
            order.forEach(table::offer);
            Report winner = table.get("kiwi").orElseThrow();
            if (expected == null) {
                expected = winner;
            }
            assertEquals(expected, winner, "order " + order);
        }
        assertEquals("Clark", expected.origin());
        assertEquals("+1+1", expected.location().text());
    }

    /**
     * The member's event loop writes (most reports over the held bytes, some into a new array)
     * while other threads read: every read is a whole report that was offered, never half of one.
     */
    @Test
    void readersOnOtherThreadsSeeWholeReportsWhileTheOwnerWrites() throws Exception {
        LocationTable table = new LocationTable();
        table.offer(shaped(0));
        ExecutorService readers = Executors.newFixedThreadPool(3);
        AtomicBoolean writing = new AtomicBoolean(true);
        try {
            List<Future<Integer>> reads = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                reads.add(readers.submit(() -> {
                    int count = 0;
                    while (writing.get() || count == 0) {
                        Report read = table.get("kiwi").orElseThrow();
                        int i = Integer.parseInt(read.time().text());
                        assertEquals(shaped(i), read, "a report as it was offered");
                        count++;
                    }
                    return count;
                }));
            }
            for (int i = 1; i <= 50_000; i++) {
                assertTrue(table.offer(shaped(i)));
            }
            writing.set(false);
            for (Future<Integer> read : reads) {
                assertTrue(read.get() > 0);
            }
        } finally {
            readers.shutdown();
        }
        assertEquals(shaped(50_000), table.get("kiwi").orElseThrow());
    }

    /** The i-th report of a client whose lines change length: short, long, longer, by turns. */
    private static Report shaped(int i) {
        String[] locations = {"+1+1", "+34.068930-118.445127", "+34.0689301234-118.4451271234"};
        return report("Clark", locations[i % 3], Integer.toString(i));
    }

    @Test
    void theAtLineIsRebuiltFromItsFields() {
        Report report = new Report("Clark", "+0.263873386", "kiwi.cs.ucla.edu",
                Location.parse("+34.068930-118.445127").orElseThrow(), ClientTime.parse("1621464827.959498503").orElseThrow());
        assertEquals("AT Clark +0.263873386 kiwi.cs.ucla.edu +34.068930-118.445127 1621464827.959498503", report.atLine());
    }

    @Test
    void equalTablesHaveEqualDigestsWhateverTheOrderAndDifferingBucketsAreFound() {
        LocationTable one = new LocationTable();
        LocationTable two = new LocationTable();
        List<Report> reports = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            reports.add(new Report("Clark", "+0.000000001", "client" + i, Location.parse("+1+1").orElseThrow(),
                    ClientTime.parse(Integer.toString(i)).orElseThrow()));
        }
        reports.forEach(one::offer);
        List<Report> shuffled = new ArrayList<>(reports);
        Collections.shuffle(shuffled, new java.util.Random(1));
        shuffled.forEach(two::offer);
        assertEquals(one.digest(), two.digest());

        Report newer = new Report("Bona", "+0.000000001", "client7", Location.parse("+2+2").orElseThrow(),
                ClientTime.parse("1000").orElseThrow());
        two.offer(newer);
        assertTrue(!one.digest().equals(two.digest()));
        long[] a = one.bucketDigests();
        long[] b = two.bucketDigests();
        BitSet differ = new BitSet();
        for (int i = 0; i < a.length; i++) {
            differ.set(i, a[i] != b[i]);
        }
        assertEquals(1, differ.cardinality());
        assertTrue(differ.get(LocationTable.bucket("client7")));
        assertTrue(lines(two.linesIn(differ)).contains(newer.atLine()));
    }

    /** A later line is written over the earlier one's bytes when it fits; the table reads the same either way. */
    @Test
    void aReportReplacedByShorterAndLongerOnesIsHeldExactly() {
        LocationTable table = new LocationTable();
        LocationTable fresh = new LocationTable();
        List<Report> reports = List.of(report("Clark", "+34.068930-118.445127", "10.5"),
                report("Bona", "+1+1", "11"), report("Jaquez", "+34.0689301234-118.4451271234", "12.000000001"),
                report("Bailey", "+2+2", "13"));
        for (Report report : reports) {
            assertTrue(table.offer(report));
            assertEquals(report, table.get("kiwi").orElseThrow());
            assertTrue(table.holds("kiwi", report.atLine()));
            assertFalse(table.holds("kiwi", report.atLine().substring(0, report.atLine().length() - 1)));
            assertFalse(table.holds("kiwi", report.atLine() + "0"));
            LocationTable only = new LocationTable();
            only.offer(report);
            assertEquals(only.digest(), table.digest());
        }
        fresh.offer(reports.get(3));
        assertEquals(fresh.digest(), table.digest());
        assertEquals(List.of(reports.get(3).atLine()), lines(table.linesIn(allBuckets())));
        assertFalse(table.offer(reports.get(2)), "an older report loses to the one written over it");
    }

    /** Every line a cursor gives, in chunks small enough that most hold one line. */
    private static List<String> lines(LineCursor cursor) {
        List<String> lines = new ArrayList<>();
        for (byte[] chunk = cursor.next(10); chunk != null; chunk = cursor.next(10)) {
            String text = new String(chunk, java.nio.charset.StandardCharsets.ISO_8859_1);
            assertTrue(text.endsWith("\n"), text);
            lines.addAll(List.of(text.substring(0, text.length() - 1).split("\n")));
        }
        assertEquals(lines.size(), cursor.lines());
        return lines;
    }

    private static BitSet allBuckets() {
        BitSet all = new BitSet();
        all.set(0, LocationTable.BUCKETS);
        return all;
    }
}
