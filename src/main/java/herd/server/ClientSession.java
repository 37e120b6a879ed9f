package herd.server;

import herd.protocol.Command;
import herd.protocol.CommandParser;
import herd.protocol.Reply;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import java.util.ArrayDeque;
import java.util.Queue;
import org.slf4j.Logger;

/**
 * One client connection: commands in, replies out in the order the commands arrived, even
 * when a later reply is ready first. After the client's half-close, every reply still owed
 * is written before the connection is ended.
 */
final class ClientSession implements LineReceiver {

    private final NetSocket socket;
    private final String id;
    private final CommandResponder responder;
    private final Logger log;
    private final Queue<Future<Reply>> owed = new ArrayDeque<>();
    private boolean inputEnded;
    private boolean closed;

    ClientSession(NetSocket socket, String id, CommandResponder responder, Logger log) {
        this.socket = socket;
        this.id = id;
        this.responder = responder;
        this.log = log;
    }

    @Override
    public void line(String line) {
        log.debug("{} <- {}", id, Reply.readable(line));
        Command command = CommandParser.parse(line);
        if (!(command instanceof Command.Blank)) {
            owe(responder.respond(command, line));
        }
    }

    @Override
    public void overlong(String head) {
        log.debug("{} <- (line longer than {} bytes) {}...", id, head.length(), Reply.readable(head));
        owe(Future.succeededFuture(Reply.invalid(head)));
    }

    @Override
    public void inputEnded() {
        inputEnded = true;
        writeReadyReplies();
    }

    @Override
    public void closed() {
        closed = true;
        owed.clear();
    }

    private void owe(Future<Reply> reply) {
        owed.add(reply);
        reply.onComplete(done -> writeReadyReplies());
    }

    private void writeReadyReplies() {
        if (closed) {
            return;
        }
        while (!owed.isEmpty() && owed.peek().isComplete()) {
            Future<Reply> next = owed.remove();
            if (next.succeeded()) {
                Reply reply = next.result();
                log.debug("{} -> {}", id, Reply.readable(reply.line()));
                socket.write(Buffer.buffer(reply.toBytes()));
            } else {
                log.error("{} no reply could be made", id, next.cause());
            }
        }
        if (inputEnded && owed.isEmpty()) {
            socket.end();
        }
    }
}
