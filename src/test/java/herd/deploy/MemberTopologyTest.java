package herd.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import herd.config.AdminConfig;
import herd.config.MemberConfig;
import herd.config.PeerAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * k8s/members/ holds the standard herd of conf/herd.json, rewired for Kubernetes: pod ordinal
 * N runs the N-th member of conf/herd.json, every member listens on 12000 (admin 12100) in its
 * own pod, and neighbours are addressed by their pods' stable DNS names.
 */
class MemberTopologyTest {

    private static final List<MemberConfig> STANDARD = MemberFiles.parse(Path.of("conf/herd.json"));

    @Test
    void theMemberFilesAreExactlyOnePerStandardMember() {
        List<String> expected = IntStream.range(0, STANDARD.size()).mapToObj(i -> "herd-" + i + ".json").sorted()
                .toList();
        assertEquals(expected, MemberFiles.fileNames());
    }

    @Test
    void podOrdinalsFollowTheOrderOfTheHerdFile() {
        assertEquals(List.of("Bailey", "Bona", "Campbell", "Clark", "Jaquez"),
                STANDARD.stream().map(MemberConfig::name).toList());
        assertEquals(STANDARD.stream().map(MemberConfig::name).toList(),
                MemberFiles.byOrdinal().stream().map(MemberConfig::name).toList());
    }

    @Test
    void neighboursAreTheStandardOnesAtTheirPodsDnsNames() {
        List<String> names = STANDARD.stream().map(MemberConfig::name).toList();
        List<MemberConfig> k8s = MemberFiles.byOrdinal();
        for (int ordinal = 0; ordinal < STANDARD.size(); ordinal++) {
            MemberConfig member = k8s.get(ordinal);
            assertEquals(STANDARD.get(ordinal).neighbours().keySet(), member.neighbours().keySet(), member.name());
            member.neighbours().forEach((neighbour, address) -> {
                int neighbourOrdinal = names.indexOf(neighbour);
                assertEquals(new PeerAddress("herd-" + neighbourOrdinal + ".herd", 12000), address,
                        member.name() + " -> " + neighbour);
            });
        }
    }

    @Test
    void everyMemberListensOnTheSamePortsOnEveryInterface() {
        for (MemberConfig member : MemberFiles.byOrdinal()) {
            assertEquals("0.0.0.0", member.host(), member.name());
            assertEquals(12000, member.port(), member.name());
            // The kubelet probes the pod IP, so the admin endpoint may not stay on 127.0.0.1.
            assertEquals(new AdminConfig("0.0.0.0", 12100), member.admin(), member.name());
            assertEquals("logs/" + member.name() + ".log", member.logFile(), member.name());
            assertEquals(Duration.ofSeconds(10), member.shutdownGrace(), member.name());
        }
    }

    @Test
    void placesSettingsAreTheStandardOnes() {
        List<MemberConfig> k8s = MemberFiles.byOrdinal();
        for (int ordinal = 0; ordinal < STANDARD.size(); ordinal++) {
            assertNotNull(k8s.get(ordinal).places());
            assertEquals(STANDARD.get(ordinal).places(), k8s.get(ordinal).places(), k8s.get(ordinal).name());
        }
    }
}
