package herd.server;

import herd.protocol.LineFramer;
import io.netty.util.concurrent.EventExecutor;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import io.vertx.core.internal.net.NetSocketInternal;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Reads a connection into its framer a bounded share at a time, so that one connection cannot
 * hold its event loop (and so every other connection of its member) for long: a chunk may hold
 * hundreds of thousands of lines, and answering them all in one go kept other clients waiting
 * for seconds. Past its share of lines in one turn, the connection stops being read, keeps the
 * rest of the chunk, and takes it up again once the event loop has served the other sockets.
 * Lines still go to the receiver in the order they came, so replies do too (see protocol.md,
 * Framing).
 *
 * <p>The end of input (a half-close) is handed on only after every byte before it: Vert.x
 * reports it at once, even while earlier bytes wait in a paused socket.
 */
final class FairReader {

    /** A client's share of a turn: a few milliseconds of work, even with every line logged. */
    static final int CLIENT_LINES_PER_TURN = 128;
    /**
     * A peer link's share is larger: it carries every update of a neighbour's clients, each
     * line costs less than a client's (no reply, most already held), and a link read too slowly
     * backs up into the neighbour, which then stops reading its own clients.
     */
    static final int PEER_LINES_PER_TURN = 1024;

    private final NetSocket socket;
    private final LineFramer framer;
    private final Runnable onInputEnd;
    private final Context context = Vertx.currentContext();
    private final EventExecutor loop;
    private int linesPerTurn = CLIENT_LINES_PER_TURN;
    /** The part of a chunk not framed yet, from {@link #restFrom}; null when there is none. */
    private byte[] rest;
    private int restFrom;
    private boolean held;
    private boolean paused;
    private boolean turnAwaited;
    /** Resumptions whose queued chunks Vert.x may still be delivering. */
    private int resuming;
    private boolean inputEnded;
    private boolean endHandedOn;

    /**
     * @param onBytes    runs whenever bytes arrive, before they are framed; false drops them (the
     *                   connection is being closed)
     * @param onInputEnd runs once, after the last line, when the other side ends its input
     */
    FairReader(NetSocket socket, LineFramer framer, Predicate<Buffer> onBytes, Runnable onInputEnd) {
        this.socket = socket;
        this.framer = framer;
        this.onInputEnd = onInputEnd;
        this.loop = ((NetSocketInternal) socket).channelHandlerContext().executor();
        socket.handler(buffer -> {
            if (onBytes.test(buffer)) {
                received(buffer.getBytes());
            }
        });
        HalfClose.allow(socket, () -> {
            inputEnded = true;
            endIfRead();
        });
    }

    /** Gives the connection a peer link's share from now on. */
    void peerShare() {
        linesPerTurn = PEER_LINES_PER_TURN;
    }

    /** Stops reading (or lets it go on) for reasons of the receiver: replies owed or unread, the member busy. */
    void hold(boolean hold) {
        held = hold;
        if (!hold && rest != null) {
            awaitTurn();
        }
        updateSocket();
    }

    /** The connection is gone: what was not framed yet is not. */
    void closed() {
        rest = null;
    }

    private void received(byte[] bytes) {
        if (rest == null) {
            rest = bytes;
            restFrom = 0;
        } else { // Vert.x delivered a chunk before the pause took effect: it goes after the rest
            byte[] joined = Arrays.copyOfRange(rest, restFrom, rest.length + bytes.length);
            System.arraycopy(bytes, 0, joined, rest.length - restFrom, bytes.length);
            rest = joined;
            restFrom = 0;
        }
        frame();
    }

    private void frame() {
        restFrom = framer.feed(rest, restFrom, linesPerTurn);
        if (restFrom == rest.length) {
            rest = null;
        } else {
            awaitTurn();
        }
        updateSocket();
        endIfRead();
    }

    /**
     * Takes up the rest in a later turn: a task scheduled now is run only after the event loop
     * next polls its sockets, where one queued with {@code runOnContext} would run before that.
     */
    private void awaitTurn() {
        if (turnAwaited) {
            return;
        }
        turnAwaited = true;
        loop.schedule(() -> context.runOnContext(v -> {
            turnAwaited = false;
            if (rest != null && !held) {
                frame();
            }
        }), 0, TimeUnit.NANOSECONDS);
    }

    private void updateSocket() {
        boolean pause = held || rest != null;
        if (pause == paused) {
            return;
        }
        paused = pause;
        if (pause) {
            socket.pause();
            return;
        }
        socket.resume();
        // Vert.x hands on the chunks it queued meanwhile in a task of its own, queued just now:
        // once this one runs, they have all arrived (or the socket is paused again).
        resuming++;
        context.runOnContext(v -> {
            resuming--;
            endIfRead();
        });
    }

    private void endIfRead() {
        if (inputEnded && !endHandedOn && rest == null && !paused && resuming == 0) {
            endHandedOn = true;
            framer.finish();
            onInputEnd.run();
        }
    }
}
