package herd.server;

import herd.logging.MemberLog;
import herd.logging.TrafficLog;
import herd.protocol.Command;
import herd.protocol.CommandParser;
import herd.protocol.Reply;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;

/**
 * One client connection: commands in, replies out in the order the commands arrived, even
 * when a later reply is ready first. After the client's half-close, or when the member stops,
 * every reply still owed is written before the connection is ended.
 *
 * <p>Back-pressure (protocol.md, Limits): the socket is not read while too many replies are owed
 * or while the client does not read what was written, so a flooding or slow client costs a
 * bounded amount of memory and never holds up other clients.
 */
final class ClientSession implements LineReceiver {

    private final NetSocket socket;
    private final String id;
    private final CommandResponder responder;
    private final int maxPendingReplies;
    private final Logger log;
    private final TrafficLog.Connection traffic;
    private final Queue<Future<Reply>> owed = new ArrayDeque<>();
    /** The connection's event loop: sessions are made by its handlers. */
    private final Context context = Vertx.currentContext();
    private Buffer batch;
    private boolean inputEnded;
    private boolean ended;
    private boolean closed;
    private boolean backlogFull;
    private boolean awaitingDrain;
    private final BooleanSupplier held;
    private final FairReader reader;

    /** @param held whether the member reads no client now (its peer links are busy) */
    ClientSession(NetSocket socket, FairReader reader, String id, CommandResponder responder, int maxPendingReplies,
                  BooleanSupplier held, Logger log) {
        this.held = held;
        this.socket = socket;
        this.reader = reader;
        this.id = id;
        this.responder = responder;
        this.maxPendingReplies = maxPendingReplies;
        this.log = log;
        this.traffic = MemberLog.traffic(log).connection(id);
        socket.drainHandler(drained -> {
            awaitingDrain = false;
            updateReading();
        });
    }

    @Override
    public void line(String line) {
        traffic.in(line);
        Command command = CommandParser.parse(line);
        if (!(command instanceof Command.Blank)) {
            owe(responder.respond(command, line));
        }
    }

    @Override
    public void overlong(String head) {
        traffic.in(head);
        owe(Future.succeededFuture(Reply.invalid(head)));
    }

    /** The client sent its last command, or the member is stopping: owed replies are written, then the end. */
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

    boolean owesReplies() {
        return !owed.isEmpty();
    }

    private void owe(Future<Reply> reply) {
        if (inputEnded) {
            return; // the rest of a chunk read before the member began to stop
        }
        owed.add(reply);
        if (owed.size() >= maxPendingReplies) {
            backlogFull = true;
            updateReading();
        }
        reply.onComplete(done -> writeReadyReplies());
    }

    private void writeReadyReplies() {
        if (closed || ended) {
            return;
        }
        while (!owed.isEmpty() && owed.peek().isComplete()) {
            Future<Reply> next = owed.remove();
            if (next.succeeded()) {
                Reply reply = next.result();
                traffic.out(reply.line());
                send(reply.toBytes());
            } else {
                log.error("{} no reply could be made", id, next.cause());
            }
        }
        if (inputEnded && owed.isEmpty()) {
            flush();
            ended = true;
            socket.end();
            return;
        }
        // Resume only at half the limit, so that a flooder is not paused and resumed per reply.
        backlogFull = backlogFull && owed.size() > maxPendingReplies / 2;
        updateReading();
    }

    /**
     * Replies made in one event-loop turn (a pipelined chunk answers hundreds of commands)
     * go out in one write, at the end of the turn.
     */
    private void send(byte[] reply) {
        if (batch == null) {
            batch = Buffer.buffer(reply.length * 4);
            context.runOnContext(v -> flush());
        }
        batch.appendBytes(reply);
    }

    private void flush() {
        if (batch == null || closed) {
            batch = null;
            return;
        }
        Buffer replies = batch;
        batch = null;
        socket.write(replies);
        awaitingDrain = awaitingDrain || socket.writeQueueFull();
        updateReading();
    }

    /** Pauses or resumes reading the client, as its replies, its input and the member's peer links allow. */
    void updateReading() {
        reader.hold(inputEnded || backlogFull || awaitingDrain || held.getAsBoolean());
    }
}
