package org.soundwave.platform.logging;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;

/**
 * A log handler that never makes the logging thread wait: {@link #publish} only appends the record to a
 * lock-free queue; one writer thread formats the records and writes them to the node's standard output,
 * whose lines bin/cluster sends through {@code rotatelogs} into the node's bounded, rotated log. A JDK
 * ConsoleHandler instead writes under a lock shared by every thread (with one line per request, request
 * threads spent more time waiting for that lock than serving).
 * <p>The queue holds at most {@code capacity} records: beyond that, records are dropped and counted
 * ({@link #dropped()}), never waited for, so a flood of logging slows nothing. One line per record:
 * {@code 2026-11-27T17:16:39.123Z INFO [logger] message}, then the stack trace of a thrown exception.
 */
public final class AsyncLogHandler extends Handler {

    /** Only its formatMessage (resource bundles, parameters) is used, on the writer thread. */
    private static final SimpleFormatter MESSAGES = new SimpleFormatter();

    private final Queue<LogRecord> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private final int capacity;
    private final PrintStream out;
    private final Thread writer;
    private volatile boolean open = true;

    public AsyncLogHandler(PrintStream out, int capacity) {
        this.out = out;
        this.capacity = capacity;
        this.writer = new Thread(this::drain, "soundwave-log-writer");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void publish(LogRecord record) {
        if (!open || !isLoggable(record)) {
            return;
        }
        if (queued.incrementAndGet() > capacity) {
            queued.decrementAndGet();
            dropped.incrementAndGet();
            return;
        }
        queue.add(record);
        LockSupport.unpark(writer);
    }

    /** Records dropped because the queue was full. */
    public long dropped() {
        return dropped.get();
    }

    private void drain() {
        while (open || !queue.isEmpty()) {
            LogRecord record = queue.poll();
            if (record == null) {
                out.flush();
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
                continue;
            }
            queued.decrementAndGet();
            out.print(format(record));
        }
        out.flush();
    }

    /** One line (and a stack trace if the record has one). */
    static String format(LogRecord record) {
        StringBuilder line = new StringBuilder(160)
                .append(Instant.ofEpochMilli(record.getMillis())).append(' ')
                .append(record.getLevel().getName()).append(" [").append(record.getLoggerName()).append("] ")
                .append(MESSAGES.formatMessage(record)).append('\n');
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.append(trace);
        }
        return line.toString();
    }

    @Override
    public void flush() {
        // The writer flushes whenever the queue runs empty.
    }

    /** Stops taking records; the writer writes what is queued, then ends. */
    @Override
    public void close() {
        open = false;
        LockSupport.unpark(writer);
        try {
            writer.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
