package herd.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The members one process runs: one for a member file, several for a herd file. */
public record HerdConfig(List<MemberConfig> members) {

    public HerdConfig {
        members = List.copyOf(members);
    }

    /**
     * Members run by one process know each other's admin endpoints: each that names no
     * {@code herdAdmin} of its own is given those of every member here with one (live-page.md,
     * Finding the herd).
     */
    public HerdConfig withHerdAdmin() {
        Map<String, PeerAddress> endpoints = new LinkedHashMap<>();
        members.stream().filter(member -> member.admin() != null).forEach(member -> endpoints.put(member.name(),
                new PeerAddress(WildcardHost.orLoopback(member.admin().host()), member.admin().port())));
        return new HerdConfig(members.stream()
                .map(member -> member.herdAdmin().isEmpty() ? member.toBuilder().herdAdmin(endpoints).build() : member)
                .toList());
    }
}
