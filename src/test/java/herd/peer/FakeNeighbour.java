package herd.peer;

import herd.protocol.PeerMessage;
import herd.protocol.PeerWire;
import herd.testing.LineClient;
import herd.testing.TestHerd;
import java.io.IOException;
import java.time.Duration;

/** A test's raw peer link into a member, dialled in a neighbour's name with the test herd's secret. */
final class FakeNeighbour implements AutoCloseable {

    private static final PeerAuth AUTH = PeerAuth.of(TestHerd.HERD_SECRET);

    private final LineClient link;
    private final String name;
    private final String nonce = AUTH.nonce();

    /** Opens the link and sends the hello; the proof waits for {@link #authenticate}. */
    FakeNeighbour(int port, String name) throws IOException {
        this.link = new LineClient(port, Duration.ofSeconds(15));
        this.name = name;
        link.send("HERD-PEER " + name + " " + nonce + "\n");
    }

    /** Reads the member's hello and sends the proof it asks for. */
    FakeNeighbour authenticate(String member) throws IOException {
        String[] hello = link.readLine().split(" ");
        if (!hello[1].equals(member) || !PeerAuth.matches(AUTH.acceptorProof(name, member, nonce), hello[3])) {
            throw new AssertionError("not " + member + "'s hello: " + String.join(" ", hello));
        }
        link.send(PeerWire.encode(new PeerMessage.Auth(AUTH.diallerProof(name, member, hello[2]))));
        return this;
    }

    LineClient link() {
        return link;
    }

    @Override
    public void close() throws IOException {
        link.close();
    }
}
