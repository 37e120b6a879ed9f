package herd.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import herd.config.MemberConfig;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The rendered manifests agree with each other, with the member files and with the example Secret. */
class ManifestConsistencyTest {

    private final RenderedHerd herd = RenderedHerd.load();
    private final List<MemberConfig> members = MemberFiles.byOrdinal();

    private Map<String, String> podLabels() {
        Map<String, String> labels = herd.statefulSet().getSpec().getTemplate().getMetadata().getLabels();
        assertNotNull(labels, "pod template labels");
        return labels;
    }

    private static void assertSelects(Map<String, String> selector, Map<String, String> labels, String what) {
        assertNotNull(selector, what + " has no selector");
        assertFalse(selector.isEmpty(), what + " selects everything");
        assertTrue(labels.entrySet().containsAll(selector.entrySet()),
                what + " selector " + selector + " does not select pod labels " + labels);
    }

    private static void assertOnlyMatchLabels(LabelSelector selector, String what) {
        assertNotNull(selector, what + " has no selector");
        assertTrue(selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty(),
                what + " uses matchExpressions, which these checks do not evaluate");
    }

    /** The container port a Service targetPort or probe port names, by name or number. */
    private int containerPort(IntOrString port) {
        assertNotNull(port);
        List<ContainerPort> ports = herd.container().getPorts();
        if (port.getIntVal() != null) {
            assertTrue(ports.stream().anyMatch(p -> p.getContainerPort().equals(port.getIntVal())),
                    "port " + port.getIntVal() + " is not a container port");
            return port.getIntVal();
        }
        return ports.stream().filter(p -> port.getStrVal().equals(p.getName())).findFirst()
                .orElseThrow(() -> new AssertionError("no container port named " + port.getStrVal()))
                .getContainerPort();
    }

    private int namedPort(String name) {
        return containerPort(new IntOrString(name));
    }

    @Test
    void theStatefulSetSelectsItsOwnPods() {
        StatefulSet statefulSet = herd.statefulSet();
        assertOnlyMatchLabels(statefulSet.getSpec().getSelector(), "StatefulSet");
        assertSelects(statefulSet.getSpec().getSelector().getMatchLabels(), podLabels(), "StatefulSet");
        assertEquals("herd", podLabels().get("app.kubernetes.io/name"));
    }

    @Test
    void oneReplicaPerMemberFileAndEachPodFindsItsFile() {
        assertEquals(members.size(), herd.statefulSet().getSpec().getReplicas());
        Set<String> keys = IntStream.range(0, members.size()).mapToObj(i -> "herd-" + i + ".json")
                .collect(Collectors.toSet());
        assertEquals(keys, herd.members().getData().keySet());
        // Each pod's name is herd-<ordinal>, so its file is <ConfigMap mount>/<pod name>.json.
        Container container = herd.container();
        String mountPath = container.getVolumeMounts().stream().filter(mount -> {
            Volume volume = volume(mount.getName());
            return volume.getConfigMap() != null && "herd-members".equals(volume.getConfigMap().getName());
        }).map(VolumeMount::getMountPath).findFirst().orElseThrow(() -> new AssertionError("herd-members not mounted"));
        assertEquals(List.of("-conf", mountPath + "/$(POD_NAME).json"), container.getArgs());
        assertTrue(container.getCommand() == null || container.getCommand().isEmpty(),
                "the image's ENTRYPOINT starts the jar");
        EnvVar podName = env("POD_NAME");
        assertEquals("metadata.name", podName.getValueFrom().getFieldRef().getFieldPath());
        assertEquals(herd.statefulSet().getMetadata().getName() + "-0.json",
                keys.stream().sorted().findFirst().orElseThrow());
    }

    @Test
    void thePeerServiceIsHeadlessAndPublishesPodsBeforeTheyAreReady() {
        Service peers = herd.peers();
        assertEquals(peers.getMetadata().getName(), herd.statefulSet().getSpec().getServiceName());
        assertEquals("herd", herd.statefulSet().getSpec().getServiceName());
        assertEquals("None", peers.getSpec().getClusterIP());
        assertEquals(Boolean.TRUE, peers.getSpec().getPublishNotReadyAddresses());
        // The members' neighbour addresses are herd-N.<this Service>.
        String domain = "." + peers.getMetadata().getName();
        members.forEach(member -> member.neighbours().values().forEach(address ->
                assertTrue(address.host().endsWith(domain), member.name() + " dials " + address)));
    }

    @Test
    void servicesAndTheBudgetSelectThePods() {
        for (Service service : herd.all(Service.class)) {
            assertSelects(service.getSpec().getSelector(), podLabels(), "Service " + service.getMetadata().getName());
        }
        PodDisruptionBudget pdb = herd.pdb();
        assertOnlyMatchLabels(pdb.getSpec().getSelector(), "PodDisruptionBudget");
        assertSelects(pdb.getSpec().getSelector().getMatchLabels(), podLabels(), "PodDisruptionBudget");
    }

    @Test
    void theClientServiceIsAClusterIpOnTheClientPort() {
        Service clients = herd.clients();
        assertTrue(clients.getSpec().getType() == null || clients.getSpec().getType().equals("ClusterIP"));
        assertFalse("None".equals(clients.getSpec().getClusterIP()));
    }

    @Test
    void servicePortsReachTheMembersClientPort() {
        for (Service service : herd.all(Service.class)) {
            List<ServicePort> ports = service.getSpec().getPorts();
            assertEquals(1, ports.size(), service.getMetadata().getName());
            ServicePort port = ports.get(0);
            assertEquals(12000, port.getPort());
            assertEquals(12000, containerPort(port.getTargetPort()), service.getMetadata().getName());
        }
    }

    @Test
    void containerPortsAreTheMembersPorts() {
        for (MemberConfig member : members) {
            assertEquals(member.port(), namedPort("clients"), member.name());
            assertNotNull(member.admin(), member.name() + " has no admin endpoint to probe");
            assertEquals(member.admin().port(), namedPort("admin"), member.name());
        }
        List<Integer> numbers = herd.container().getPorts().stream().map(ContainerPort::getContainerPort).toList();
        assertEquals(List.of(12000, 12100), numbers);
    }

    @Test
    void probesAskTheAdminEndpoint() {
        Container container = herd.container();
        assertProbe(container.getReadinessProbe(), "/ready", "readiness");
        assertProbe(container.getLivenessProbe(), "/health", "liveness");
        if (container.getStartupProbe() != null) {
            assertProbe(container.getStartupProbe(), "/health", "startup");
        }
        // The JVM needs some seconds before the liveness probe may count failures.
        Probe startup = container.getStartupProbe();
        int allowance = startup != null
                ? startup.getPeriodSeconds() * startup.getFailureThreshold()
                : container.getLivenessProbe().getInitialDelaySeconds();
        assertTrue(allowance >= 20, "the JVM gets only " + allowance + " s to start");
    }

    private void assertProbe(Probe probe, String path, String what) {
        assertNotNull(probe, what + " probe");
        assertNotNull(probe.getHttpGet(), what + " probe is not an HTTP GET");
        assertEquals(path, probe.getHttpGet().getPath(), what);
        assertEquals(12100, containerPort(probe.getHttpGet().getPort()), what);
        for (MemberConfig member : members) {
            assertEquals(member.admin().port(), containerPort(probe.getHttpGet().getPort()), what);
            assertEquals("0.0.0.0", member.admin().host(), member.name() + ": the kubelet probes the pod IP");
        }
    }

    @Test
    void theBudgetAllowsOneMemberDown() {
        PodDisruptionBudget pdb = herd.pdb();
        assertEquals(new IntOrString(1), pdb.getSpec().getMaxUnavailable());
        assertNull(pdb.getSpec().getMinAvailable());
    }

    @Test
    void podsRunAsNonRootOnAReadOnlyRootFilesystem() {
        PodSecurityContext pod = herd.podSpec().getSecurityContext();
        assertEquals(Boolean.TRUE, pod.getRunAsNonRoot());
        assertEquals(10001L, pod.getRunAsUser());
        assertEquals(10001L, pod.getRunAsGroup());
        assertEquals(10001L, pod.getFsGroup());
        assertEquals("RuntimeDefault", pod.getSeccompProfile().getType());
        SecurityContext container = herd.container().getSecurityContext();
        assertEquals(Boolean.TRUE, container.getReadOnlyRootFilesystem());
        assertEquals(Boolean.FALSE, container.getAllowPrivilegeEscalation());
        assertEquals(List.of("ALL"), container.getCapabilities().getDrop());
        assertTrue(container.getPrivileged() == null || !container.getPrivileged());
        assertTrue(container.getRunAsUser() == null || container.getRunAsUser() != 0);
    }

    private Volume volume(String name) {
        return herd.podSpec().getVolumes().stream().filter(volume -> volume.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("volume " + name + " is mounted but not declared"));
    }

    @Test
    void everyMountedVolumeExistsAndEveryVolumeIsMounted() {
        List<VolumeMount> mounts = herd.container().getVolumeMounts();
        mounts.forEach(mount -> volume(mount.getName()));
        assertEquals(herd.podSpec().getVolumes().stream().map(Volume::getName).collect(Collectors.toSet()),
                mounts.stream().map(VolumeMount::getName).collect(Collectors.toSet()));
        assertEquals(mounts.size(), mounts.stream().map(VolumeMount::getMountPath).distinct().count());
        Set<String> configMaps = herd.podSpec().getVolumes().stream().filter(volume -> volume.getConfigMap() != null)
                .map(volume -> volume.getConfigMap().getName()).collect(Collectors.toSet());
        assertEquals(Set.of("herd-members"), configMaps);
        configMaps.forEach(name -> herd.get(io.fabric8.kubernetes.api.model.ConfigMap.class, name));
    }

    @Test
    void theReadOnlyRootFilesystemLeavesLogsAndTmpWritable() {
        Map<String, VolumeMount> byPath = herd.container().getVolumeMounts().stream()
                .collect(Collectors.toMap(VolumeMount::getMountPath, mount -> mount));
        for (String path : List.of("/app/logs", "/tmp")) {
            VolumeMount mount = byPath.get(path);
            assertNotNull(mount, path + " is not mounted");
            assertTrue(mount.getReadOnly() == null || !mount.getReadOnly(), path);
            assertNotNull(volume(mount.getName()).getEmptyDir(), path + " is not an emptyDir");
        }
        VolumeMount config = byPath.get("/etc/herd");
        assertNotNull(config);
        assertEquals(Boolean.TRUE, config.getReadOnly());
    }

    private EnvVar env(String name) {
        return herd.container().getEnv().stream().filter(env -> env.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no env " + name));
    }

    @Test
    void environment() {
        List<EnvVar> env = herd.container().getEnv();
        assertEquals(env.size(), env.stream().map(EnvVar::getName).distinct().count(), "duplicate env names");
        assertEquals("json", env("HERD_LOG_FORMAT").getValue());
        assertEquals("-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError", env("JAVA_TOOL_OPTIONS").getValue());
        assertNotEquals(Boolean.TRUE, env("HERD_SECRET").getValueFrom().getSecretKeyRef().getOptional());
        assertEquals(Boolean.TRUE, env("PLACES_API_KEY").getValueFrom().getSecretKeyRef().getOptional());
    }

    private static void assertNotEquals(Object unexpected, Object actual) {
        org.junit.jupiter.api.Assertions.assertNotEquals(unexpected, actual);
    }

    @Test
    void everySecretKeyReferencedIsInTheExampleSecret() {
        var secret = RenderedHerd.secretExample();
        Set<String> keys = new HashSet<>();
        if (secret.getStringData() != null) {
            keys.addAll(secret.getStringData().keySet());
        }
        if (secret.getData() != null) {
            keys.addAll(secret.getData().keySet());
        }
        List<SecretKeySelector> references = herd.container().getEnv().stream()
                .filter(env -> env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null)
                .map(env -> env.getValueFrom().getSecretKeyRef()).toList();
        assertEquals(2, references.size());
        for (SecretKeySelector reference : references) {
            assertEquals(secret.getMetadata().getName(), reference.getName());
            assertTrue(keys.contains(reference.getKey()), "example Secret lacks key " + reference.getKey());
        }
        assertTrue(herd.container().getEnvFrom() == null || herd.container().getEnvFrom().isEmpty());
        assertTrue(herd.all(io.fabric8.kubernetes.api.model.Secret.class).isEmpty(),
                "the example Secret must not be rendered");
    }

    @Test
    void membersGetTheirShutdownGraceBeforeTheKill() {
        long graceSeconds = herd.podSpec().getTerminationGracePeriodSeconds();
        for (MemberConfig member : members) {
            assertTrue(graceSeconds * 1000 > member.shutdownGrace().toMillis(),
                    member.name() + ": terminationGracePeriodSeconds " + graceSeconds + " <= shutdownGraceMs "
                            + member.shutdownGrace().toMillis());
        }
    }

    @Test
    void resourceRequestsFitTheLimits() {
        var resources = herd.container().getResources();
        for (String resource : List.of("cpu", "memory")) {
            Quantity request = resources.getRequests().get(resource);
            Quantity limit = resources.getLimits().get(resource);
            assertNotNull(request, resource + " request");
            assertNotNull(limit, resource + " limit");
            assertTrue(request.getNumericalAmount().compareTo(limit.getNumericalAmount()) <= 0, resource);
        }
        assertEquals(new Quantity("384Mi"), resources.getRequests().get("memory"));
        assertEquals(new Quantity("512Mi"), resources.getLimits().get("memory"));
        assertEquals(new Quantity("250m"), resources.getRequests().get("cpu"));
    }
}
