package herd.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import herd.config.MemberConfig;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The image and the StatefulSet agree: user, ports, entry point, working directory. */
class DockerfileTest {

    private static List<String> instructions() throws IOException {
        return Files.readAllLines(Path.of("Dockerfile")).stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }

    /** The arguments of the last {@code instruction} in the final stage. */
    private static String last(String instruction) throws IOException {
        List<String> lines = instructions();
        int lastFrom = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("FROM ")) {
                lastFrom = i;
            }
        }
        String found = null;
        for (String line : lines.subList(lastFrom, lines.size())) {
            if (line.startsWith(instruction + " ")) {
                found = line.substring(instruction.length() + 1).strip();
            }
        }
        if (found == null) {
            throw new AssertionError("the final stage of the Dockerfile has no " + instruction);
        }
        return found;
    }

    @Test
    void theImageRunsAsThePodsUser() throws IOException {
        PodSecurityContext pod = RenderedHerd.load().podSpec().getSecurityContext();
        assertEquals(pod.getRunAsUser() + ":" + pod.getRunAsGroup(), last("USER"));
        assertEquals("eclipse-temurin:17-jre", last("FROM"));
    }

    @Test
    void theEntryPointStartsTheJarAndThePodOnlyPassesArguments() throws IOException {
        assertEquals("[\"java\", \"-XX:SharedArchiveFile=/app/herd.jsa\", \"-jar\", \"/app/herd-fat.jar\"]",
                last("ENTRYPOINT"));
        assertEquals("[\"-conf\", \"conf/herd.json\"]", last("CMD"));
        assertTrue(instructions().contains("COPY --from=build /build/target/herd-fat.jar /app/herd-fat.jar"));
    }

    /** The archive the entry point maps is made in the final stage, from the jar at the path the entry point runs. */
    @Test
    void theClassDataArchiveIsTrainedOnTheJarTheEntryPointRuns() throws IOException {
        List<String> lines = instructions();
        int copied = lines.indexOf("COPY --from=build /build/target/herd-fat.jar /app/herd-fat.jar");
        int trained = lines.indexOf("RUN bash /tmp/cds-archive.sh /app/herd-fat.jar /app/herd.jsa && rm /tmp/cds-archive.sh");
        assertTrue(copied >= 0 && trained > copied, "the archive is not made after the jar is in place");
        assertTrue(lines.contains("COPY src/main/docker/cds-archive.sh /tmp/cds-archive.sh"));
        assertTrue(Files.isRegularFile(Path.of("src/main/docker/cds-archive.sh")));
        assertTrue(lines.indexOf("USER 10001:10001") > trained, "the archive is made before the image drops to its user, who cannot write /app");
    }

    @Test
    void exposedPortsAreTheContainerPorts() throws IOException {
        List<Integer> exposed = Arrays.stream(last("EXPOSE").split("\\s+")).map(Integer::valueOf).toList();
        assertEquals(RenderedHerd.load().container().getPorts().stream().map(ContainerPort::getContainerPort).toList(),
                exposed);
    }

    @Test
    void logFilesLandOnTheWritableLogsVolume() throws IOException {
        String workdir = last("WORKDIR");
        List<String> mountPaths = RenderedHerd.load().container().getVolumeMounts().stream()
                .map(VolumeMount::getMountPath).toList();
        for (MemberConfig member : MemberFiles.byOrdinal()) {
            Path logDir = Path.of(workdir).resolve(member.logFile()).getParent();
            assertTrue(mountPaths.contains(logDir.toString()), member.name() + " logs to " + logDir);
        }
    }

    @Test
    void theBuildContextLeavesOutBuildOutputAndHistory() throws IOException {
        List<String> ignored = Files.readAllLines(Path.of(".dockerignore")).stream().map(String::strip).toList();
        assertTrue(ignored.containsAll(List.of("target/", "logs/", ".git")), ignored.toString());
    }
}
