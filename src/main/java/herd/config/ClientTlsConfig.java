package herd.config;

/**
 * A member's TLS client port (security.md, Client TLS): the same line protocol as {@code port},
 * over TLS, with the member's certificate.
 */
public record ClientTlsConfig(int port, ServerTlsConfig certificate) {
}
