package herd.config;

/**
 * TLS where a member is the server only (security.md, Client TLS; admin.md, HTTPS): PEM files of
 * its private key and its certificate (chain). Clients are not asked for certificates.
 *
 * @param reloadCheckSeconds how often the files are checked for replacement (security.md, Rotation)
 */
public record ServerTlsConfig(String key, String cert, int reloadCheckSeconds) {

    public static final int DEFAULT_RELOAD_CHECK_SECONDS = 10;
}
