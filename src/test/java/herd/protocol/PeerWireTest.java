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
    void helloNamesTheMember() {
        assertEquals(Optional.of("Clark"), PeerWire.helloName(PeerWire.hello("Clark")));
        assertTrue(PeerWire.helloName("HERD-PEER").isEmpty());
        assertTrue(PeerWire.helloName("HERD-PEER Clark Bona").isEmpty());
        assertTrue(PeerWire.helloName("IAMAT Clark").isEmpty());
    }

    @Test
    void anUpdateRebuildsTheAtLineByteForByte() {
        String line = "AT Clark -0.000000001 kiwi\u00c3\u00bc +34.068930-118.445127 1621464827.95949850300000000001";
        Report report = PeerWire.parseUpdate(line).orElseThrow();
        assertEquals(line, report.atLine());
    }

    @ParameterizedTest
    @ValueSource(strings = {"AT Clark +0.26 kiwi +1+1 1", "AT Clark 0.263873386 kiwi +1+1 1",
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
