package herd.server;

import herd.protocol.LineFramer;

/** Whatever a connection's lines go to: a client session or an inbound peer link. */
public interface LineReceiver extends LineFramer.Sink {

    /** The other side will send nothing more (it closed or half-closed its sending side). */
    void inputEnded();

    /** The connection is gone; nothing can be written any more. */
    void closed();
}
