package herd.peer;

import io.vertx.core.net.NetSocket;
import java.security.cert.Certificate;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Whether the certificate on the other end of a TLS peer link names the member it claims to be
 * (security.md, What is checked): a DNS subject alternative name equal to the member's name.
 * TLS has already checked that the certificate chains to the herd's authority and is current.
 */
final class PeerIdentity {

    /** The subject alternative name type of a DNS name (RFC 5280, 4.2.1.6). */
    private static final int DNS_NAME = 2;

    private PeerIdentity() {
    }

    /** Why the socket's peer is not {@code member}, or empty if it is (or the socket is plain TCP). */
    static Optional<String> refusal(NetSocket socket, String member) {
        if (!socket.isSsl()) {
            return Optional.empty();
        }
        try {
            List<Certificate> chain = socket.peerCertificates();
            if (chain == null || chain.isEmpty() || !(chain.get(0) instanceof X509Certificate leaf)) {
                return Optional.of("it presented no certificate");
            }
            List<String> names = dnsNames(leaf);
            return names.stream().anyMatch(member::equalsIgnoreCase) ? Optional.empty()
                    : Optional.of("its certificate names " + names + ", not " + member);
        } catch (SSLPeerUnverifiedException e) {
            return Optional.of("it presented no certificate");
        }
    }

    static List<String> dnsNames(X509Certificate certificate) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
            if (alternatives != null) {
                for (List<?> name : alternatives) {
                    if (name.get(0) instanceof Integer type && type == DNS_NAME) {
                        names.add(String.valueOf(name.get(1)));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            return names; // an unreadable extension names nobody
        }
        return names;
    }
}
