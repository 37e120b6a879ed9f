package herd.testing;

import herd.config.PeerTlsConfig;
import herd.config.ServerTlsConfig;
import java.net.Socket;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A herd's certificate authority made at test time: member certificates (DNS name = the member's
 * name, IP address 127.0.0.1) as PEM files in a folder, as security.md tells operators to make them
 * with openssl.
 */
public final class TestCa {

    private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis());

    private final Path dir;
    private final String name;
    private final KeyPair keys;
    private final X509Certificate certificate;

    private TestCa(Path dir, String name, KeyPair keys, X509Certificate certificate) {
        this.dir = dir;
        this.name = name;
        this.keys = keys;
        this.certificate = certificate;
    }

    /** A new authority; its certificate is written to {@code dir/<name>-ca.pem}. */
    public static TestCa create(Path dir, String name) {
        KeyPair keys = newKeys();
        X500Name subject = new X500Name("CN=" + name);
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial(),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(30))), subject,
                keys.getPublic());
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TestCa ca = new TestCa(dir, name, keys, sign(builder, keys));
        write(ca.caFile(), "CERTIFICATE", ca.certificate);
        return ca;
    }

    public Path caFile() {
        return dir.resolve(name + "-ca.pem");
    }

    /** A current certificate for {@code member}, in {@code <ca>-<member>.key} and {@code .pem}. */
    public PeerTlsConfig member(String member) {
        Instant now = Instant.now();
        return issue(member, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)), member);
    }

    /** A certificate for {@code member} that expired yesterday. */
    public PeerTlsConfig expired(String member) {
        Instant now = Instant.now();
        return issue(member, now.minus(Duration.ofDays(3)), now.minus(Duration.ofDays(1)), member + "-expired");
    }

    /**
     * Writes a certificate for {@code member} valid from {@code notBefore} to {@code notAfter} to
     * the files named {@code <ca>-<file>.key/.pem} (replacing them if there), checked for
     * replacement every second.
     */
    public PeerTlsConfig issue(String member, Instant notBefore, Instant notAfter, String file) {
        KeyPair memberKeys = newKeys();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate, serial(),
                Date.from(notBefore), Date.from(notAfter), new X500Name("CN=" + member), memberKeys.getPublic());
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.dNSName, member), new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path key = dir.resolve(name + "-" + file + ".key");
        Path cert = dir.resolve(name + "-" + file + ".pem");
        writePem(key, "PRIVATE KEY", memberKeys.getPrivate().getEncoded());
        write(cert, "CERTIFICATE", sign(builder, keys));
        return new PeerTlsConfig(key.toString(), cert.toString(), caFile().toString(), 1);
    }

    /** A current server certificate for {@code member} (a TLS client port, HTTPS), checked every second. */
    public ServerTlsConfig server(String member) {
        PeerTlsConfig files = member(member);
        return new ServerTlsConfig(files.key(), files.cert(), 1);
    }

    /** TLS trusting this authority only, as a client of a member's TLS port or HTTPS endpoint. */
    public SSLContext trusting() {
        try {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            trusted.setCertificateEntry("ca", certificate);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A JDK TLS connection to {@code port} on loopback, handshake done, checking that the member's
     * certificate is this authority's and names 127.0.0.1.
     */
    public Socket client(int port) throws IOException {
        SSLSocket socket = (SSLSocket) trusting().getSocketFactory().createSocket("127.0.0.1", port);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        socket.startHandshake();
        return socket;
    }

    /** The serial number of the certificate in a PEM file, to tell which certificate a peer presented. */
    public static BigInteger serialOf(Path pem) {
        try {
            String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----|\\s", "");
            return ((X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(Base64.getDecoder().decode(base64))))
                    .getSerialNumber();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BigInteger serial() {
        return BigInteger.valueOf(SERIALS.incrementAndGet());
    }

    private static KeyPair newKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime makes P-256 keys", e);
        }
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair issuer) {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuer.getPrivate())));
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(Path file, String type, X509Certificate certificate) {
        try {
            writePem(file, type, certificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writePem(Path file, String type, byte[] der) {
        String pem = "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
        try {
            Files.writeString(file, pem, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
