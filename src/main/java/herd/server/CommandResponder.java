package herd.server;

import herd.protocol.Command;
import herd.protocol.Reply;
import io.vertx.core.Future;

/** Answers one client command. The future never fails: every command gets its reply. */
public interface CommandResponder {

    /** @param line the command's line as received, which an invalid command's reply echoes */
    Future<Reply> respond(Command command, String line);
}
