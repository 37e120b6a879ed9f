package herd.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * The thread that writes a member's file: it drains the member's {@link TrafficLog}, formats
 * traffic lines and encodes event lines into one buffer, and hands the file large writes. It
 * looks for lines at least every {@link #IDLE_NANOS}, and writes whatever it has before it
 * waits again: a line reaches the operating system within a few milliseconds, so a killed
 * process loses at most those. It opens the file itself, first: logback's rolling policy takes
 * tens of milliseconds to start, which the member spends listening instead (lines wait meanwhile).
 */
final class LogWriter implements Runnable {

    static final long IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    /** Past this much formatted, the buffer is written even while more lines wait. */
    static final int WRITE_BYTES = 256 * 1024;
    static final long DROP_WARNING_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

    /** Where the formatted bytes go: the member's file (a logback rolling appender), or a test's. */
    interface Sink {
        void write(byte[] bytes, int length);

        void close();
    }

    /** Where lines go once the file could not be opened: the member is stopping. */
    private static final Sink NOWHERE = new Sink() {
        @Override
        public void write(byte[] bytes, int length) {
        }

        @Override
        public void close() {
        }
    };

    private final TrafficLog log;
    private final Supplier<Sink> opening;
    private final TrafficFormat format;
    private final Encoder<ILoggingEvent> events;
    private final Logger warnings;
    private final LogBuffer out = new LogBuffer();
    private long reportedDrops;
    private long lastDropWarning = System.nanoTime() - DROP_WARNING_INTERVAL_NANOS;

    /** @param opening opens the file, on the writer's thread; throws if it cannot */
    LogWriter(TrafficLog log, Supplier<Sink> opening, TrafficFormat format, Encoder<ILoggingEvent> events,
              Logger warnings) {
        this.log = log;
        this.opening = opening;
        this.format = format;
        this.events = events;
        this.warnings = warnings;
    }

    /** Starts the writer's own thread. */
    void start(String member) {
        Thread thread = new Thread(this, "herd-log-" + member);
        thread.setDaemon(true);
        log.writtenBy(thread);
        thread.start();
    }

    @Override
    public void run() {
        Sink sink = open();
        try {
            for (Object item = log.poll(); item != TrafficLog.CLOSE; item = log.poll()) {
                if (item == null) {
                    write(sink);
                    LockSupport.parkNanos(this, IDLE_NANOS);
                } else if (item instanceof TrafficBlock block) {
                    format.block(block, out);
                    log.taken(block);
                } else {
                    out.append(events.encode((ILoggingEvent) item));
                }
                if (out.size() >= WRITE_BYTES) {
                    write(sink);
                }
            }
            write(sink);
        } finally {
            sink.close();
            log.finished();
        }
    }

    private Sink open() {
        try {
            Sink sink = opening.get();
            log.opened(null);
            return sink;
        } catch (RuntimeException e) {
            log.opened(e);
            return NOWHERE;
        }
    }

    private void write(Sink sink) {
        if (out.size() > 0) {
            sink.write(out.bytes(), out.size());
            out.clear();
        }
        warnOfDrops();
    }

    /** One WARN line a minute at most, with how many lines were dropped since the last. */
    private void warnOfDrops() {
        long dropped = log.droppedLines();
        long now = System.nanoTime();
        if (dropped > reportedDrops && now - lastDropWarning >= DROP_WARNING_INTERVAL_NANOS) {
            warnings.warn("the log could not keep up: dropped {} traffic lines ({} since start; see logging.md)",
                    dropped - reportedDrops, dropped);
            reportedDrops = dropped;
            lastDropWarning = now;
        }
    }
}
