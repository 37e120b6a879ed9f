package herd.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PeerAuthTest {

    private final PeerAuth auth = PeerAuth.of("s3cret-of-the-herd");

    @Test
    void proofsDependOnTheSecretTheNamesTheNonceAndTheDirection() {
        String proof = auth.acceptorProof("Clark", "Bona", "n1");
        assertEquals(proof, PeerAuth.of("s3cret-of-the-herd").acceptorProof("Clark", "Bona", "n1"));
        assertNotEquals(proof, PeerAuth.of("another-secret-of-the-herd").acceptorProof("Clark", "Bona", "n1"));
        assertNotEquals(proof, auth.acceptorProof("Clark", "Bona", "n2"));
        assertNotEquals(proof, auth.acceptorProof("Jaquez", "Bona", "n1"));
        assertNotEquals(proof, auth.diallerProof("Clark", "Bona", "n1"));
        assertTrue(PeerAuth.matches(proof, proof));
        assertFalse(PeerAuth.matches(proof, proof.substring(1)));
        assertFalse(PeerAuth.matches(proof, null));
    }

    @Test
    void noncesAreFreshAndTheSecretIsOptional() {
        assertNotEquals(auth.nonce(), auth.nonce());
        assertEquals(32, auth.nonce().length());
        assertFalse(PeerAuth.of(null).enabled());
        assertTrue(auth.enabled());
    }

    @Test
    void aBlankOrShortSecretIsRefusedRatherThanTurningAuthenticationOff() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PeerAuth.of(" ")).getMessage().contains("blank"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PeerAuth.of("")).getMessage().contains("blank"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PeerAuth.of("fifteen-chars!!")).getMessage()
                .contains("15 characters"));
        assertTrue(PeerAuth.of("sixteen-chars!!!").enabled());
    }
}
