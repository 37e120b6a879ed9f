package herd.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import herd.config.HerdConfigParser;
import herd.config.MemberConfig;
import herd.config.PeerAddress;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * k8s/components/tls, rendered with the real kustomize on top of k8s/: one cert-manager certificate
 * per member, each pod reading its own, peer links on a port of their own that the NetworkPolicy
 * opens to herd pods only; and k8s/ without it has none of that.
 */
class TlsComponentTest {

    private static final Path TLS_DIR = Path.of("/etc/herd/tls");

    private static final RenderedHerd PLAIN = RenderedHerd.load();
    private static final RenderedHerd TLS = RenderedHerd.with("tls");

    /** The member files as the pods read them: from the rendered ConfigMap, through herd's own parser. */
    private static Map<String, MemberConfig> members(RenderedHerd herd) {
        Map<String, MemberConfig> members = new TreeMap<>();
        herd.members().getData().forEach((file, text) -> members.put(file,
                HerdConfigParser.parse(file, new JsonObject(text)).members().get(0)));
        return members;
    }

    private static int containerPort(RenderedHerd herd, String name) {
        return herd.container().getPorts().stream().filter(port -> name.equals(port.getName()))
                .map(ContainerPort::getContainerPort).findFirst()
                .orElseThrow(() -> new AssertionError("the pods name no port " + name));
    }

    @Test
    void withoutTheComponentNothingOfItIsRendered() {
        assertTrue(PLAIN.certManager.isEmpty(), "cert-manager resources in k8s/: " + PLAIN.certManager);
        assertTrue(PLAIN.all(NetworkPolicy.class).isEmpty());
        members(PLAIN).values().forEach(member -> assertEquals(null, member.peerTls(), member.name()));
    }

    @Test
    void eachMemberHasACertificateNamingItFromTheHerdsOwnAuthority() {
        Map<String, ObjectNode> certificates = TLS.certManager("Certificate");
        Map<String, ObjectNode> issuers = TLS.certManager("Issuer");
        ObjectNode ca = certificates.remove("herd-ca");
        assertNotNull(ca, "no CA certificate: " + certificates.keySet());
        assertTrue(ca.at("/spec/isCA").asBoolean());
        assertEquals(ca.at("/spec/secretName").asString(), issuers.get("herd-ca").at("/spec/ca/secretName").asString());
        assertTrue(issuers.containsKey(ca.at("/spec/issuerRef/name").asString()));

        Map<String, MemberConfig> members = members(TLS);
        assertEquals(members.size(), certificates.size(), "one certificate per member: " + certificates.keySet());
        members.forEach((file, member) -> {
            String pod = file.replace(".json", "");
            ObjectNode certificate = certificates.get(pod);
            assertNotNull(certificate, "no certificate for " + pod);
            assertEquals(List.of(member.name(), pod + ".herd"), strings(certificate.at("/spec/dnsNames")),
                    "the certificate of " + pod + " must name its member, which neighbours check");
            assertEquals(Set.of("server auth", "client auth", "digital signature"),
                    new TreeSet<>(strings(certificate.at("/spec/usages"))), pod);
            assertEquals("PKCS8", certificate.at("/spec/privateKey/encoding").asString(), "members read PKCS#8 keys");
            assertEquals("herd-ca", certificate.at("/spec/issuerRef/name").asString());
            assertEquals(pod + "-tls", certificate.at("/spec/secretName").asString());
        });
    }

    @Test
    void eachPodReadsItsOwnCertificateAndDialsItsNeighboursOnThePeerPort() {
        VolumeMount mount = TLS.container().getVolumeMounts().stream()
                .filter(candidate -> Path.of(candidate.getMountPath()).equals(TLS_DIR)).findFirst()
                .orElseThrow(() -> new AssertionError("nothing mounted at " + TLS_DIR));
        Volume volume = TLS.podSpec().getVolumes().stream().filter(candidate -> candidate.getName().equals(mount.getName()))
                .findFirst().orElseThrow();
        Map<String, String> secretOfFile = new TreeMap<>();
        for (VolumeProjection source : volume.getProjected().getSources()) {
            for (KeyToPath item : source.getSecret().getItems()) {
                secretOfFile.put(TLS_DIR.resolve(item.getPath()).toString(), source.getSecret().getName() + ":" + item.getKey());
            }
        }
        int peerPort = containerPort(TLS, "peers");
        Map<String, MemberConfig> members = members(TLS);
        Map<String, String> podOfMember = new TreeMap<>();
        members.forEach((file, member) -> podOfMember.put(member.name(), file.replace(".json", "")));
        members.forEach((file, member) -> {
            String secret = podOfMember.get(member.name()) + "-tls";
            assertEquals(secret + ":tls.key", secretOfFile.get(member.peerTls().key()), member.name());
            assertEquals(secret + ":tls.crt", secretOfFile.get(member.peerTls().cert()), member.name());
            assertEquals(secret + ":ca.crt", secretOfFile.get(member.peerTls().ca()), member.name());
            assertEquals(peerPort, member.peerPort(), member.name());
            assertEquals(containerPort(TLS, "clients"), member.port(), member.name());
            member.neighbours().forEach((name, address) -> assertEquals(
                    new PeerAddress(podOfMember.get(name) + ".herd", peerPort), address, member.name() + " -> " + name));
        });
        Map<String, MemberConfig> plainMembers = members(PLAIN);
        members.forEach((file, member) -> assertEquals(List.of("neighbours", "peerPort", "peerTls"),
                member.fieldsDifferingFrom(plainMembers.get(file)).stream().sorted().toList(),
                file + " must be k8s/members/" + file + " with mutual TLS on a peer port, and nothing else"));
        Map<String, Set<String>> plainLinks = new TreeMap<>();
        members(PLAIN).values().forEach(member -> plainLinks.put(member.name(), member.neighbours().keySet()));
        Map<String, Set<String>> tlsLinks = new TreeMap<>();
        members.values().forEach(member -> tlsLinks.put(member.name(), member.neighbours().keySet()));
        assertEquals(plainLinks, tlsLinks, "the component changes how members link, not which");
        assertTrue(TLS.peers().getSpec().getPorts().stream().anyMatch(port -> port.getPort() == peerPort
                && new IntOrString("peers").equals(port.getTargetPort())), "the headless Service names the peer port");
    }

    @Test
    void theNetworkPolicyLetsClientsInFromAnywhereLinksFromHerdPodsAndAdminFromMonitoringAndHerdPods() {
        List<NetworkPolicy> policies = TLS.all(NetworkPolicy.class);
        assertEquals(1, policies.size());
        NetworkPolicy policy = policies.get(0);
        assertEquals(TLS.statefulSet().getSpec().getTemplate().getMetadata().getLabels(),
                policy.getSpec().getPodSelector().getMatchLabels());
        assertEquals(List.of("Ingress"), policy.getSpec().getPolicyTypes());
        Map<String, List<NetworkPolicyPeer>> fromByPort = new TreeMap<>();
        for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
            rule.getPorts().forEach(port -> fromByPort.put(port.getPort().getStrVal(), rule.getFrom()));
        }
        assertEquals(Set.of("clients", "peers", "admin"), fromByPort.keySet());
        assertTrue(fromByPort.get("clients") == null || fromByPort.get("clients").isEmpty(), "clients from anywhere");
        List<NetworkPolicyPeer> peers = fromByPort.get("peers");
        assertEquals(1, peers.size());
        assertEquals(TLS.statefulSet().getSpec().getSelector().getMatchLabels(), peers.get(0).getPodSelector().getMatchLabels());
        assertEquals(null, peers.get(0).getNamespaceSelector(), "peers from this namespace's herd pods only");
        List<NetworkPolicyPeer> admin = fromByPort.get("admin");
        assertEquals(2, admin.size(), "admin from monitoring namespaces and, for the live page, herd pods: " + admin);
        assertEquals(Map.of("monitoring", "true"), admin.get(0).getNamespaceSelector().getMatchLabels());
        assertEquals(null, admin.get(0).getPodSelector());
        assertEquals(peers.get(0), admin.get(1));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }
}
