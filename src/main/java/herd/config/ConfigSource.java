package herd.config;

/**
 * Where one member's configuration came from: the file, and the path to the member inside
 * it ({@code servers[2].} in a herd file, nothing in a member file).
 */
public record ConfigSource(String file, String memberPath) {

    public ConfigException problem(String field, String problem) {
        return new ConfigException(file, memberPath + field, problem);
    }
}
