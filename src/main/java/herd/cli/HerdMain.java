package herd.cli;

import herd.launch.HerdLauncher;

/**
 * The jar's main: {@code -conf FILE} first starts a member straight away, as it always has, without
 * the command-line parser (a member's start does not pay for it); anything else is the {@code herd}
 * command line ({@link HerdCommand}).
 */
public final class HerdMain {

    private HerdMain() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && ConfArgument.isConfOption(args[0])) {
            ConfArgument.find(args).ifPresentOrElse(HerdLauncher::start, () -> {
                System.err.println("herd: -conf needs a file; usage: java -jar herd-fat.jar -conf conf/Clark.json");
                System.exit(HerdLauncher.EXIT_BAD_CONFIGURATION);
            });
            return;
        }
        System.exit(HerdCommand.execute(args));
    }
}
