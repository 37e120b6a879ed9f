package herd.tls;

import io.netty.handler.ssl.NotSslRecordException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import javax.net.ssl.SSLException;

/** The short reason a TLS handshake failed, for the log and the peer refusal meter (security.md, Refusals). */
public final class TlsRefusal {

    private static final int MAX_DESCRIPTION = 200;

    private TlsRefusal() {
    }

    /** Whether {@code failure} is a TLS failure at all, rather than, say, a refused connection. */
    public static boolean isTls(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLException) {
                return true;
            }
        }
        return false;
    }

    /** What failed, for the log: bounded, since a failure may quote what the other side sent. */
    public static String describe(Throwable failure) {
        String message = "TLS handshake failed: " + failure.getMessage();
        return message.length() <= MAX_DESCRIPTION ? message : message.substring(0, MAX_DESCRIPTION) + "...";
    }

    public static String reason(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CertificateExpiredException || cause instanceof CertPathValidatorException invalid
                    && invalid.getReason() == CertPathValidatorException.BasicReason.EXPIRED) {
                return "expired";
            }
            if (cause instanceof CertPathValidatorException || cause instanceof CertPathBuilderException) {
                return "untrusted";
            }
            if (cause instanceof NotSslRecordException) {
                return "not-tls";
            }
            String message = String.valueOf(cause.getMessage());
            if (message.contains("certificate_required") || message.contains("Empty client certificate chain")
                    || message.contains("Empty server certificate chain")) {
                return "no-certificate";
            }
        }
        return "tls-handshake";
    }
}
