package herd.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import herd.core.Report;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PeerWireTest {

    @Test
    void helloNamesTheMemberWithItsNonceAndProofWhenGiven() {
        assertEquals(Optional.of(new PeerWire.Hello("Clark", null, null)), PeerWire.parseHello(PeerWire.hello("Clark", null, null)));
        assertEquals(Optional.of(new PeerWire.Hello("Clark", "n1", null)), PeerWire.parseHello(PeerWire.hello("Clark", "n1", null)));
        assertEquals(Optional.of(new PeerWire.Hello("Clark", "n1", "p1")), PeerWire.parseHello("HERD-PEER Clark n1 p1"));
        assertTrue(PeerWire.parseHello("HERD-PEER").isEmpty());
        assertTrue(PeerWire.parseHello("HERD-PEER a b c d").isEmpty());
        assertTrue(PeerWire.parseHello("IAMAT Clark").isEmpty());
        assertEquals(Optional.of("p"), PeerWire.parseAuth(PeerWire.auth("p")));
        assertTrue(PeerWire.parseAuth("HERD-AUTH").isEmpty());
    }

    @Test
    void anUpdateRebuildsTheAtLineByteForByte() {
        String line = "AT Clark -0.000000001 kiwi\u00c3\u00bc +34.068930-118.445127 1621464827.95949850300000000001";
        Report report = PeerWire.parseUpdate(line).orElseThrow();
        assertEquals(line, report.atLine());
    }

    @ParameterizedTest
    @ValueSource(strings = {"AT  Clark +0.5 kiwi +1+1 1", " AT Clark +0.5 kiwi +1+1 1", "AT Clark +0.5 kiwi +1+1 1 ",
        "AT\tClark +0.5 kiwi +1+1 1", "AT Clark +0.5\u000bkiwi +1+1 1"})
    void anUpdateWithOtherWhiteSpaceIsRebuiltWithSingleSpaces(String line) {
        String spaced = line.replace("+0.5", "+0.500000000");
        Report report = PeerWire.parseUpdate(spaced).orElseThrow();
        assertEquals("AT Clark +0.500000000 kiwi +1+1 1", report.atLine());
    }

    @ParameterizedTest
    @ValueSource(strings = {"AT Clark +0.263873386 kiwi +1+1 1 extra", "AT Clark +0.263873386 kiwi  +1+1 1 extra",
        "AT Clark +0.26 kiwi +1+1 1", "AT Clark 0.263873386 kiwi +1+1 1",
        "AT Clark +0.263873386 kiwi +91+1 1", "AT Clark +0.263873386 kiwi +1+1 1e5", "AT Clark +0.263873386 kiwi +1+1",
        "IAMAT Clark +0.263873386 kiwi +1+1 1"})
    void rejectsMalformedUpdates(String line) {
        assertTrue(PeerWire.parseUpdate(line).isEmpty(), line);
    }

    @Test
    void digestsAndNeededBucketsRoundTrip() {
        long[] digests = {0, -1, Long.MIN_VALUE, 42};
        assertArrayEquals(digests, PeerWire.parseSync(PeerWire.sync(digests), 4).orElseThrow());
        assertTrue(PeerWire.parseSync(PeerWire.sync(digests), 5).isEmpty(), "wrong count");
        assertTrue(PeerWire.parseSync("SYNC 1 2 x 4", 4).isEmpty());
        boolean[] needed = {false, true, false, true};
        assertArrayEquals(needed, PeerWire.parseNeed(PeerWire.need(needed), 4).orElseThrow());
        assertEquals("SYNC-NEED 1 3", PeerWire.need(needed));
        assertTrue(PeerWire.parseNeed("SYNC-NEED 4", 4).isEmpty(), "no such bucket");
    }
}
