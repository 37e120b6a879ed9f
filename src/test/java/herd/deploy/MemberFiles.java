package herd.deploy;

import herd.config.HerdConfigParser;
import herd.config.MemberConfig;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The member files of k8s/members/, read through herd's own parser, in pod ordinal order. */
final class MemberFiles {

    static final Path DIR = Kustomize.K8S.resolve("members");

    private MemberFiles() {
    }

    static List<MemberConfig> parse(Path file) {
        try {
            return HerdConfigParser.parse(file.toString(), new JsonObject(Files.readString(file))).members();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** herd-0.json, herd-1.json, ... as long as they go on; each must hold exactly one member. */
    static List<MemberConfig> byOrdinal() {
        List<MemberConfig> members = new ArrayList<>();
        for (int ordinal = 0; Files.exists(file(ordinal)); ordinal++) {
            List<MemberConfig> parsed = parse(file(ordinal));
            if (parsed.size() != 1) {
                throw new AssertionError(file(ordinal) + " must hold exactly one member, not " + parsed.size());
            }
            members.add(parsed.get(0));
        }
        return members;
    }

    static Path file(int ordinal) {
        return DIR.resolve("herd-" + ordinal + ".json");
    }

    static List<String> fileNames() {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
