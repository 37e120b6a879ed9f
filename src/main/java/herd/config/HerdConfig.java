package herd.config;

import java.util.List;

/** The members one process runs: one for a member file, several for a herd file. */
public record HerdConfig(List<MemberConfig> members) {

    public HerdConfig {
        members = List.copyOf(members);
    }
}
