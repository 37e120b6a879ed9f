package herd.server;

import io.netty.channel.ChannelOption;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.vertx.core.net.NetSocket;
import io.vertx.core.internal.net.NetSocketInternal;

/**
 * Lets a connection outlive its client's half-close (protocol.md, Framing).
 *
 * <p>Vert.x closes a socket as soon as the peer shuts down its sending side, so replies owed
 * to a client that wrote its last command and then called {@code shutdownOutput()} would be
 * lost. Netty's {@code ALLOW_HALF_CLOSURE} keeps the socket open and reports the end of
 * input as an event instead. Vert.x offers this only through its internal API, which is
 * why it is confined to this class (and guarded by a test).
 */
final class HalfClose {

    private HalfClose() {
    }

    /** Keeps {@code socket} open after its input ends and runs {@code onInputEnd} when that happens. */
    static void allow(NetSocket socket, Runnable onInputEnd) {
        NetSocketInternal internal = (NetSocketInternal) socket;
        internal.channelHandlerContext().channel().config().setOption(ChannelOption.ALLOW_HALF_CLOSURE, true);
        internal.eventHandler(event -> {
            if (event instanceof ChannelInputShutdownEvent) {
                onInputEnd.run();
            }
        });
    }
}
