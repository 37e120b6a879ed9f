package herd.config;

/**
 * Mutual TLS on a member's peer port and on the links it dials (security.md, Peer TLS): PEM files
 * of its private key, its certificate (chain) and the herd's certificate authority.
 *
 * @param reloadCheckSeconds how often the files are checked for replacement (security.md, Rotation)
 */
public record PeerTlsConfig(String key, String cert, String ca, int reloadCheckSeconds) {

    public static final int DEFAULT_RELOAD_CHECK_SECONDS = ServerTlsConfig.DEFAULT_RELOAD_CHECK_SECONDS;
}
