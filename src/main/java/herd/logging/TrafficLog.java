package herd.logging;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * A member's traffic lines on their way to its file (see logging.md). The member's event loop
 * only copies each line's bytes into a block; the block leaves at the end of the turn, or once
 * it holds {@link TrafficBlock#HAND_OFF_BYTES}, through a lock-free queue to the member's
 * {@link LogWriter}, which formats, escapes and writes. Past {@code boundBytes} waiting, blocks
 * are dropped and their lines counted: a disk that cannot keep up neither grows the heap nor
 * stalls a client. Event lines (logback events) share the queue, in order, and are never dropped.
 */
public final class TrafficLog {

    /** For a logger with no member file: every line is ignored. */
    static final TrafficLog OFF = new TrafficLog(false, 0);
    static final Object CLOSE = new Object();
    private static final int MAX_SPARE_BLOCKS = 32;
    /**
     * Lines of a block that share one reading of the clock: a block belongs to one turn of the
     * event loop, which never waits, so a line's time is late by at most the handling of the
     * lines before it (microseconds), and the clock is not read for every line.
     */
    static final int LINES_PER_CLOCK = 16;

    private final boolean traffic;
    private final long boundBytes;
    private final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();
    /** Last in, first out: the block reused is the one most likely still in a cache. */
    private final ConcurrentLinkedDeque<TrafficBlock> spare = new ConcurrentLinkedDeque<>();
    private final AtomicInteger spareCount = new AtomicInteger();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    /** The member's event loop, the only thread that fills {@link #block}; the first that logs a line. */
    private final AtomicReference<Thread> owner = new AtomicReference<>();
    private final CompletableFuture<Void> opened = new CompletableFuture<>();
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    private volatile Thread writer;
    private volatile boolean closed;
    private TrafficBlock block;
    private long now;
    private int linesToClock;

    /**
     * @param traffic    whether traffic lines are kept at all ({@code logTraffic})
     * @param boundBytes how many bytes of traffic lines may wait for the writer
     */
    TrafficLog(boolean traffic, long boundBytes) {
        this.traffic = traffic;
        this.boundBytes = boundBytes;
    }

    /** @param id the connection as the member's log names it ({@code "#12 /10.0.0.7:51234"}): its first word labels its lines */
    public Connection connection(String id) {
        int space = id.indexOf(' ');
        byte[] label = ascii(space < 0 ? id : id.substring(0, space));
        return new Connection(new TrafficBlock.Side(label, true), new TrafficBlock.Side(label, false));
    }

    /** Completes once the member's file is open, or fails with why it could not be opened. */
    public CompletableFuture<Void> opened() {
        return opened;
    }

    /** Traffic lines dropped because the writer could not keep up, since the member started. */
    public long droppedLines() {
        return dropped.get();
    }

    /** Traffic lines the writer has taken into the file (each in it within LogWriter.IDLE_NANOS), since the member started. */
    public long writtenLines() {
        return written.get();
    }

    /** One connection's lines, labelled with its number. */
    public final class Connection {

        private final TrafficBlock.Side in;
        private final TrafficBlock.Side out;

        private Connection(TrafficBlock.Side in, TrafficBlock.Side out) {
            this.in = in;
            this.out = out;
        }

        /** A line received (wire text, one char per byte, without its LF). */
        public void in(String line) {
            add(in, line);
        }

        /** A line sent (wire text, without its LF). */
        public void out(String line) {
            add(out, line);
        }

        /** Lines sent, as written: each ends with its LF. */
        public void out(byte[] lines) {
            add(out, lines);
        }
    }

    private void add(TrafficBlock.Side side, Object wire) {
        if (!traffic || closed) {
            return;
        }
        Thread thread = Thread.currentThread();
        if (thread != owner.get() && !(owner.get() == null && Context.isOnEventLoopThread()
                && owner.compareAndSet(null, thread))) {
            // Off the member's event loop (rare): the line leaves on its own.
            TrafficBlock single = new TrafficBlock(256);
            single.add(System.currentTimeMillis(), side, wire);
            handOff(single);
            return;
        }
        if (block == null) {
            block = takeSpare();
            linesToClock = 0;
            Vertx.currentContext().runOnContext(v -> handOffCurrent());
        }
        if (--linesToClock < 0) {
            now = System.currentTimeMillis();
            linesToClock = LINES_PER_CLOCK - 1;
        }
        block.add(now, side, wire);
        if (block.full()) {
            handOffCurrent();
        }
    }

    /** An event line: queued behind the traffic lines its thread logged before it, never dropped. */
    void event(Object event) {
        if (Thread.currentThread() == owner.get()) {
            handOffCurrent();
        }
        queue.offer(event);
    }

    private void handOffCurrent() {
        TrafficBlock full = block;
        block = null;
        if (full != null) {
            handOff(full);
        }
    }

    private void handOff(TrafficBlock full) {
        long size = full.capacity(); // the bound is on memory held, not on the lines alone
        if (queuedBytes.get() + size > boundBytes) {
            dropped.addAndGet(full.lines());
            recycle(full);
            return;
        }
        long waiting = queuedBytes.addAndGet(size);
        queue.offer(full);
        if (waiting > boundBytes / 4) {
            LockSupport.unpark(writer); // it would otherwise look again within LogWriter.IDLE_NANOS
        }
    }

    /**
     * Stops taking lines; the writer writes what was queued, then closes the file. On the event
     * loop, the lines of the current turn go first.
     */
    CompletableFuture<Void> close() {
        if (Thread.currentThread() == owner.get()) {
            handOffCurrent();
        }
        closed = true;
        queue.offer(CLOSE);
        LockSupport.unpark(writer);
        return finished;
    }

    // The writer's side.

    void writtenBy(Thread thread) {
        writer = thread;
    }

    Object poll() {
        return queue.poll();
    }

    /** The writer is done with a block's lines: their room in the bound is free again. */
    void taken(TrafficBlock block) {
        written.addAndGet(block.lines());
        queuedBytes.addAndGet(-block.capacity());
        recycle(block);
    }

    void opened(RuntimeException failure) {
        if (failure == null) {
            opened.complete(null);
        } else {
            opened.completeExceptionally(failure);
        }
    }

    void finished() {
        finished.complete(null);
    }

    private TrafficBlock takeSpare() {
        TrafficBlock reused = spare.pollFirst();
        if (reused == null) {
            return new TrafficBlock(TrafficBlock.FIRST_CAPACITY);
        }
        spareCount.decrementAndGet();
        return reused;
    }

    /** Turn-sized blocks are reused (a few dozen at most): a block per turn would be much garbage. */
    private void recycle(TrafficBlock used) {
        if (used.capacity() < TrafficBlock.FIRST_CAPACITY || used.capacity() > 2 * TrafficBlock.HAND_OFF_BYTES) {
            return;
        }
        if (spareCount.incrementAndGet() > MAX_SPARE_BLOCKS) {
            spareCount.decrementAndGet();
            return;
        }
        used.clear();
        spare.offerFirst(used);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
