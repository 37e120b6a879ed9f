package herd.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** One run of a command of the command line in the test's JVM: its exit code and what it printed. */
record CommandRun(int exit, String out, String err) {

    static CommandRun of(Object command, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream printed = new PrintStream(out, true, StandardCharsets.UTF_8);
        if (command instanceof ClientCommand client) {
            client.out = printed;
        } else if (command instanceof StatusCommand status) {
            status.out = printed;
        }
        CommandLine line = new CommandLine(command);
        line.setErr(new PrintWriter(err, true));
        int exit = line.execute(args);
        return new CommandRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
