package herd.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import herd.core.ClientTime;
import herd.core.Location;
import herd.core.Report;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import herd.core.LocationTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import herd.testing.DecimalTexts;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Properties of the protocol's text, over generated messages and arbitrary bytes. */
class ProtocolPropertiesTest {

    @Provide
    Arbitrary<String> clientIds() {
        // Any non-white-space bytes, as the protocol allows: one char per byte on the wire.
        return Arbitraries.chars().range((char) 0x21, (char) 0xff)
                .list().ofMinSize(1).ofMaxSize(40).map(chars -> {
                    StringBuilder id = new StringBuilder();
                    chars.forEach(id::append);
                    return id.toString();
                });
    }

    @Provide
    Arbitrary<String> decimals() {
        return DecimalTexts.unsigned(12, 25);
    }

    @Provide
    Arbitrary<String> locations() {
        Arbitrary<String> latitude = Combinators.combine(Arbitraries.of("+", "-"), Arbitraries.integers().between(0, 89),
                Arbitraries.strings().numeric().ofMaxLength(8)).as((s, d, f) -> s + d + (f.isEmpty() ? "" : "." + f));
        Arbitrary<String> longitude = Combinators.combine(Arbitraries.of("+", "-"), Arbitraries.integers().between(0, 179),
                Arbitraries.strings().numeric().ofMaxLength(8)).as((s, d, f) -> s + d + (f.isEmpty() ? "" : "." + f));
        return Combinators.combine(latitude, longitude).as(String::concat);
    }

    @Property
    void aValidIamatParsesToItsOperandsExactly(@ForAll("clientIds") String id, @ForAll("locations") String location,
                                               @ForAll("decimals") String time) {
        Command.IAmAt iAmAt = assertInstanceOf(Command.IAmAt.class,
                CommandParser.parse("IAMAT " + id + " " + location + " " + time));
        assertEquals(id, iAmAt.clientId());
        assertEquals(location, iAmAt.location().text());
        assertEquals(time, iAmAt.time().text());
    }

    @Property
    void anUpdateRoundTripsByteForByte(@ForAll("clientIds") String id, @ForAll("locations") String location,
                                       @ForAll("decimals") String time) {
        Report report = new Report("Clark", "-12.000000001", id, Location.parse(location).orElseThrow(),
                ClientTime.parse(time).orElseThrow());
        assertEquals(new PeerMessage.Update(report), decodeEncoded(new PeerMessage.Update(report)));
    }

    @Property
    void everyOtherPeerMessageRoundTrips(@ForAll("names") String name, @ForAll("names") String nonce,
                                         @ForAll("names") String proof, @ForAll long[] digestsSeed,
                                         @ForAll @Size(max = 300) List<@IntRange(max = 255) Integer> buckets) {
        for (PeerMessage.Hello hello : List.of(new PeerMessage.Hello(name, null, null),
                new PeerMessage.Hello(name, nonce, null), new PeerMessage.Hello(name, nonce, proof))) {
            assertEquals(hello, decodeEncoded(hello));
        }
        assertEquals(new PeerMessage.Auth(proof), decodeEncoded(new PeerMessage.Auth(proof)));
        long[] digests = Arrays.copyOf(digestsSeed, LocationTable.BUCKETS);
        assertEquals(new PeerMessage.Sync(digests), decodeEncoded(new PeerMessage.Sync(digests)));
        BitSet needed = new BitSet();
        buckets.forEach(needed::set);
        assertEquals(new PeerMessage.SyncNeed(needed), decodeEncoded(new PeerMessage.SyncNeed(needed)));
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(64);
    }

    private static PeerMessage decodeEncoded(PeerMessage message) {
        String line = new String(PeerWire.encode(message), StandardCharsets.ISO_8859_1);
        assertTrue(line.endsWith("\n") && line.indexOf('\n') == line.length() - 1, line);
        return PeerWire.decode(line.substring(0, line.length() - 1));
    }

    @Property
    void anyLineGetsAnAnswerOrIsBlankNeverAnError(@ForAll @Size(max = 200) byte[] bytes) {
        String line = new String(bytes, StandardCharsets.ISO_8859_1);
        Command command = CommandParser.parse(line);
        if (command instanceof Command.Invalid invalid) {
            assertEquals(line, invalid.line());
        }
        PeerMessage message = PeerWire.decode(line);
        if (message instanceof PeerMessage.Refused refused) {
            assertEquals(line, refused.line());
            assertTrue(!refused.reason().isBlank());
        }
    }

    @Property
    void theFramerLosesNoByteAndBuffersNoMoreThanTheMaximum(@ForAll @Size(max = 3000) byte[] bytes,
                                                            @ForAll @Size(min = 1, max = 20) List<Integer> cuts) {
        List<String> out = new ArrayList<>();
        int max = 100;
        LineFramer framer = new LineFramer(max, new LineFramer.Sink() {
            @Override
            public void line(String line) {
                out.add(line);
            }

            @Override
            public void overlong(String head) {
                assertEquals(max, head.length());
                out.add(null);
            }
        });
        int at = 0;
        for (int cut : cuts) {
            int end = Math.min(bytes.length, at + Math.abs(cut % 500));
            byte[] chunk = new byte[end - at];
            System.arraycopy(bytes, at, chunk, 0, chunk.length);
            framer.feed(chunk);
            at = end;
        }
        byte[] rest = new byte[bytes.length - at];
        System.arraycopy(bytes, at, rest, 0, rest.length);
        framer.feed(rest);
        framer.finish();
        // Every short line comes out exactly as it went in, every long one as one overlong.
        List<String> expected = new ArrayList<>();
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                byte[] line = pending.toByteArray();
                int length = line.length > 0 && line[line.length - 1] == '\r' ? line.length - 1 : line.length;
                if (i < bytes.length || pending.size() > 0) {
                    expected.add(length > max ? null : new String(line, 0, length, StandardCharsets.ISO_8859_1));
                }
                pending.reset();
            } else {
                pending.write(bytes[i]);
            }
        }
        assertEquals(expected, out);
        out.stream().filter(l -> l != null).forEach(l -> assertTrue(l.length() <= max));
    }
}
