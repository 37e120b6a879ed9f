package herd.cli;

import java.nio.file.Path;
import java.util.Optional;

/** The file named by the launcher's {@code -conf FILE} (or {@code --conf FILE}, {@code --conf=FILE}) option. */
final class ConfArgument {

    private ConfArgument() {
    }

    static boolean isConfOption(String arg) {
        return arg.equals("-conf") || arg.equals("--conf") || arg.startsWith("--conf=");
    }

    static Optional<Path> find(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if ((arg.equals("-conf") || arg.equals("--conf")) && i + 1 < args.length) {
                return Optional.of(Path.of(args[i + 1]));
            }
            if (arg.startsWith("--conf=")) {
                return Optional.of(Path.of(arg.substring("--conf=".length())));
            }
        }
        return Optional.empty();
    }
}
