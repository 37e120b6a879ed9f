package herd.protocol;

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
}
