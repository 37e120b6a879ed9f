package herd.cli;

import herd.loadgen.HerdBench;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code herd}: the command line of the jar (see cli.md). Exit codes: 0 success, 1 a failure at run
 * time, 2 bad usage or a configuration that cannot be used.
 */
@Command(name = "herd", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        description = "A proxy herd of location servers: run a member, look at a running herd, talk to a member.",
        subcommands = {MemberCommand.class, StatusCommand.class, ClientCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:a failure at run time", "2:bad usage or a configuration that cannot be used"},
        footer = {"", "java -jar herd-fat.jar -conf FILE is the same as herd member -conf FILE."})
public final class HerdCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the command line; returns the exit code. */
    static int execute(String... args) {
        // picocli's own codes are ours: 2 for a usage error, 1 for an exception.
        return new CommandLine(new HerdCommand()).addSubcommand("bench", new HerdBench()).execute(args);
    }

    /** {@code herd} alone: what it can do. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
