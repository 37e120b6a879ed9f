package herd.cli;

import herd.config.PeerAddress;
import herd.tls.PemTrust;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code herd client HOST:PORT}: talks the line protocol to a member. At a terminal, lines are edited
 * and kept in a history, and replies show as they come; otherwise (a pipe, a script) the lines of
 * standard input are sent, the sending side is closed at their end (as a client that half-closes
 * does) and every reply is printed until the member closes the connection.
 */
@Command(name = "client", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        description = {"Sends protocol lines (IAMAT, WHATSAT) to a member and prints its replies.",
                "At a terminal: type lines; Ctrl-D ends sending, and the client exits once the member has answered.",
                "From a pipe: echo 'WHATSAT kiwi 10 5' | herd client 127.0.0.1:12003"})
final class ClientCommand implements Callable<Integer> {

    @Parameters(paramLabel = "HOST:PORT", description = "the member's client port, e.g. 127.0.0.1:12003 or [::1]:12003")
    String address;

    @Option(names = "--tls", description = "connect with TLS (the member's TLS client port)")
    boolean tls;

    @Option(names = "--ca", paramLabel = "PEM", description = "with --tls: trust the certificates this CA (PEM) signed,"
            + " instead of the JVM's default trust store")
    Path ca;

    @Option(names = "--connect-timeout-ms", defaultValue = "5000", description = "default: ${DEFAULT-VALUE}")
    int connectTimeoutMs;

    @Spec
    CommandSpec spec;

    /** Where lines come from and replies go; a test sets them. */
    InputStream in = System.in;
    PrintStream out = System.out;
    boolean interactive = System.console() != null;

    @Override
    public Integer call() throws Exception {
        Socket connected;
        try {
            connected = connect();
        } catch (IOException | GeneralSecurityException failure) {
            spec.commandLine().getErr().println("herd: cannot connect to " + address + (tls ? " with TLS" : "") + ": "
                    + failure.getMessage());
            return 1;
        }
        try (Socket socket = connected) {
            if (interactive) {
                return atTerminal(socket);
            }
            Thread replies = printReplies(socket, out::println);
            in.transferTo(socket.getOutputStream());
            socket.shutdownOutput();
            replies.join();
            return 0;
        }
    }

    private Socket connect() throws IOException, GeneralSecurityException {
        InetSocketAddress member = address();
        Socket socket = tls ? PemTrust.context(ca).getSocketFactory().createSocket() : new Socket();
        socket.connect(member, connectTimeoutMs);
        if (socket instanceof SSLSocket secure) {
            // The member's certificate must name the host dialled, as a browser's must.
            SSLParameters parameters = secure.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            secure.setSSLParameters(parameters);
            secure.startHandshake();
        }
        return socket;
    }

    /** HOST:PORT or [V6]:PORT; anything else is a usage error (exit 2). */
    private InetSocketAddress address() {
        try {
            PeerAddress member = PeerAddress.parse(address);
            return new InetSocketAddress(member.host(), member.port());
        } catch (IllegalArgumentException malformed) {
            throw new ParameterException(spec.commandLine(), "expected HOST:PORT (e.g. 127.0.0.1:12003), not " + address);
        }
    }

    private int atTerminal(Socket socket) throws IOException, InterruptedException {
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("herd").build();
            Thread replies = printReplies(socket, reader::printAbove);
            OutputStream toMember = socket.getOutputStream();
            while (replies.isAlive()) {
                try {
                    String line = reader.readLine("herd> ");
                    toMember.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                    toMember.flush();
                } catch (EndOfFileException | UserInterruptException done) {
                    break;
                } catch (IOException closed) {
                    break; // the member closed the connection; the reply thread says so
                }
            }
            if (!socket.isClosed() && !socket.isOutputShutdown()) {
                socket.shutdownOutput();
            }
            replies.join();
            return 0;
        }
    }

    /** A thread printing each line the member sends, then a note when it closes the connection. */
    private Thread printReplies(Socket socket, Consumer<String> print) {
        Thread thread = new Thread(() -> {
            try (BufferedReader replies = new BufferedReader(
                    new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = replies.readLine(); line != null; line = replies.readLine()) {
                    print.accept(line);
                }
            } catch (IOException closed) {
                // the connection ended; nothing more to print
            }
            if (interactive) {
                print.accept("(" + address + " closed the connection)");
            }
        }, "herd-client-replies");
        thread.start();
        return thread;
    }
}
