package herd.peer;

import herd.protocol.PeerMessage;
import java.util.Optional;

/**
 * Both halves of opening a peer link (protocol.md, Handshake and Authentication), without the
 * sockets: the dialler's hello and its check of the answer, the acceptor's answer and its check
 * of the proof.
 */
final class PeerHandshake {

    private final String self;
    private final PeerAuth auth;

    PeerHandshake(String self, PeerAuth auth) {
        this.self = self;
        this.auth = auth;
    }

    /** The dialler's half, for one connection to {@code neighbour}. */
    Dialler dial(String neighbour) {
        return new Dialler(neighbour, auth.enabled() ? auth.nonce() : null);
    }

    /**
     * The acceptor's half, for a hello from a configured neighbour; empty if the hello offers no
     * authentication where this member needs it.
     */
    Optional<Acceptor> accept(PeerMessage.Hello hello) {
        if (!auth.enabled()) {
            return Optional.of(new Acceptor(new PeerMessage.Hello(self, null, null), null));
        }
        if (hello.nonce() == null) {
            return Optional.empty();
        }
        String nonce = auth.nonce();
        return Optional.of(new Acceptor(new PeerMessage.Hello(self, nonce, auth.acceptorProof(hello.name(), self,
                hello.nonce())), auth.diallerProof(hello.name(), self, nonce)));
    }

    final class Dialler {

        private final String neighbour;
        private final String nonce;

        private Dialler(String neighbour, String nonce) {
            this.neighbour = neighbour;
            this.nonce = nonce;
        }

        PeerMessage.Hello hello() {
            return new PeerMessage.Hello(self, nonce, null);
        }

        /**
         * @return why the acceptor's answer does not open the link, or empty if it does: a hello
         *         from the neighbour meant, with a valid proof when links are authenticated
         */
        Optional<String> refusal(PeerMessage answer) {
            if (!(answer instanceof PeerMessage.Hello hello) || !hello.name().equals(neighbour)) {
                return Optional.of("not the neighbour's hello");
            }
            if (auth.enabled() && (hello.nonce() == null
                    || !PeerAuth.matches(auth.acceptorProof(self, neighbour, nonce), hello.proof()))) {
                return Optional.of("the neighbour did not prove it knows the herd secret");
            }
            return Optional.empty();
        }

        /**
         * What the dialler sends once an answer without a {@link #refusal} opened the link: its
         * proof, or nothing without a secret.
         */
        Optional<PeerMessage.Auth> proof(PeerMessage answer) {
            return auth.enabled() ? Optional.of(new PeerMessage.Auth(auth.diallerProof(self, neighbour,
                    ((PeerMessage.Hello) answer).nonce()))) : Optional.empty();
        }
    }

    static final class Acceptor {

        private final PeerMessage.Hello reply;
        private final String expectedProof;

        private Acceptor(PeerMessage.Hello reply, String expectedProof) {
            this.reply = reply;
            this.expectedProof = expectedProof;
        }

        PeerMessage.Hello reply() {
            return reply;
        }

        /** Whether the dialler must still prove who it is: false without a herd secret. */
        boolean awaitsProof() {
            return expectedProof != null;
        }

        boolean proven(PeerMessage message) {
            return message instanceof PeerMessage.Auth proof && PeerAuth.matches(expectedProof, proof.proof());
        }
    }
}
