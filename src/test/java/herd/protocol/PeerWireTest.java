package herd.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import herd.core.LocationTable;
import herd.core.Report;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.BitSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PeerWireTest {

    @Test
    void helloNamesTheMemberWithItsNonceAndProofWhenGiven() {
        assertEquals("HERD-PEER Clark\n", line(new PeerMessage.Hello("Clark", null, null)));
        assertEquals("HERD-PEER Clark n1\n", line(new PeerMessage.Hello("Clark", "n1", null)));
        assertEquals(new PeerMessage.Hello("Clark", "n1", "p1"), PeerWire.decode("HERD-PEER Clark n1 p1"));
        assertEquals("HERD-AUTH p\n", line(new PeerMessage.Auth("p")));
    }

    @Test
    void anUpdateRebuildsTheAtLineByteForByte() {
        String line = "AT Clark -0.000000001 kiwi\u00c3\u00bc +34.068930-118.445127 1621464827.95949850300000000001";
        Report report = assertInstanceOf(PeerMessage.Update.class, PeerWire.decode(line)).report();
        assertEquals(line, report.atLine());
        assertEquals(line + "\n", line(new PeerMessage.Update(report)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"AT  Clark +0.5 kiwi +1+1 1", " AT Clark +0.5 kiwi +1+1 1", "AT Clark +0.5 kiwi +1+1 1 ",
        "AT\tClark +0.5 kiwi +1+1 1", "AT Clark +0.5\u000bkiwi +1+1 1"})
    void anUpdateWithOtherWhiteSpaceIsRebuiltWithSingleSpaces(String line) {
        String spaced = line.replace("+0.5", "+0.500000000");
        Report report = assertInstanceOf(PeerMessage.Update.class, PeerWire.decode(spaced)).report();
        assertEquals("AT Clark +0.500000000 kiwi +1+1 1", report.atLine());
    }

    @ParameterizedTest
    @ValueSource(strings = {"AT Clark +0.263873386 kiwi +1+1 1 extra", "AT Clark +0.263873386 kiwi  +1+1 1 extra",
        "AT Clark +0.26 kiwi +1+1 1", "AT Clark 0.263873386 kiwi +1+1 1",
        "AT Clark +0.263873386 kiwi +91+1 1", "AT Clark +0.263873386 kiwi +1+1 1e5", "AT Clark +0.263873386 kiwi +1+1",
        "IAMAT Clark +0.263873386 kiwi +1+1 1", "HERD-PEER", "HERD-PEER a b c d", "HERD-AUTH", "HERD-AUTH a b",
        "SYNC 1 2 3", "SYNC-NEED 256", "SYNC-NEED x", "", " ", "AT"})
    void refusesMalformedLinesWithAReason(String line) {
        PeerMessage.Refused refused = assertInstanceOf(PeerMessage.Refused.class, PeerWire.decode(line), line);
        assertEquals(line, refused.line());
        assertTrue(!refused.reason().isBlank(), line);
    }

    @Test
    void digestsAndNeededBucketsRoundTrip() {
        long[] digests = new long[LocationTable.BUCKETS];
        digests[1] = -1;
        digests[2] = Long.MIN_VALUE;
        digests[3] = 42;
        PeerMessage.Sync sync = new PeerMessage.Sync(digests);
        assertEquals(sync, PeerWire.decode(line(sync).strip()));
        String wrongCount = line(new PeerMessage.Sync(Arrays.copyOf(digests, LocationTable.BUCKETS - 1))).strip();
        assertInstanceOf(PeerMessage.Refused.class, PeerWire.decode(wrongCount));
        BitSet needed = new BitSet();
        needed.set(1);
        needed.set(3);
        assertEquals("SYNC-NEED 1 3\n", line(new PeerMessage.SyncNeed(needed)));
        assertEquals(new PeerMessage.SyncNeed(needed), PeerWire.decode("SYNC-NEED 1 3"));
        // Equal tables: the answer names no bucket, and still ends the exchange.
        assertEquals("SYNC-NEED\n", line(new PeerMessage.SyncNeed(new BitSet())));
        assertEquals(new PeerMessage.SyncNeed(new BitSet()), PeerWire.decode("SYNC-NEED"));
    }

    private static String line(PeerMessage message) {
        return new String(PeerWire.encode(message), StandardCharsets.ISO_8859_1);
    }
}
