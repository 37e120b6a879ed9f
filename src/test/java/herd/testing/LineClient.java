package herd.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A plain blocking TCP (or TLS) client, as a test's stand-in for {@code nc} or a phone. */
public final class LineClient implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    public LineClient(int port) throws IOException {
        this(port, Duration.ofSeconds(10));
    }

    public LineClient(int port, Duration readTimeout) throws IOException {
        this(new Socket(InetAddress.getLoopbackAddress(), port), readTimeout);
    }

    /** Over {@code socket}, already connected: e.g. a TLS one ({@link TestCa#client}). */
    public LineClient(Socket socket, Duration readTimeout) throws IOException {
        this.socket = socket;
        socket.setSoTimeout((int) readTimeout.toMillis());
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    public LineClient send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.UTF_8));
    }

    public LineClient send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Half-close: no more commands from this client, but replies are still read. */
    public void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    /** The next line, without its LF; null at the end of the stream. */
    public String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            line.write(b);
        }
        if (b == -1 && line.size() == 0) {
            return null;
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    /** A WHATSAT reply: the AT line, the JSON, up to and including the empty line after it. */
    public String readWhatsAtReply() throws IOException {
        StringBuilder reply = new StringBuilder();
        String line;
        while ((line = readLine()) != null) {
            reply.append(line).append('\n');
            if (line.isEmpty()) {
                return reply.toString();
            }
        }
        throw new IOException("connection ended inside a WHATSAT reply: " + reply);
    }

    /** Everything until the server ends the connection. */
    public String readToEnd() throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
