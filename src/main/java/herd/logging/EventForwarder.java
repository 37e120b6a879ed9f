package herd.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;

/**
 * The member logger's appender: it only queues each event for the member's writer (after the
 * traffic lines its thread logged first), so no thread that logs waits on the file or a lock.
 */
final class EventForwarder extends UnsynchronizedAppenderBase<ILoggingEvent> {

    private final TrafficLog log;

    EventForwarder(TrafficLog log) {
        this.log = log;
    }

    @Override
    protected void append(ILoggingEvent event) {
        event.prepareForDeferredProcessing();
        log.event(event);
    }
}
