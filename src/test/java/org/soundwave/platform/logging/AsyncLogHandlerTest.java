package org.soundwave.platform.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class AsyncLogHandlerTest {

    private static LogRecord record(String message) {
        LogRecord record = new LogRecord(Level.INFO, message);
        record.setLoggerName("org.soundwave.request");
        record.setMillis(1_795_800_000_123L);
        return record;
    }

    @Test
    void aRecordIsOneLineWithTimeLevelLoggerAndMessage() {
        assertEquals("2026-11-27T17:20:00.123Z INFO [org.soundwave.request] id=abc status=200\n",
                AsyncLogHandler.format(record("id=abc status=200")));
    }

    @Test
    void parametersAreFilledInAndAThrownExceptionFollowsItsLine() {
        LogRecord record = record("took {0} ms");
        record.setParameters(new Object[] {12});
        record.setThrown(new IllegalStateException("broken"));
        String text = AsyncLogHandler.format(record);
        assertTrue(text.startsWith("2026-11-27T17:20:00.123Z INFO [org.soundwave.request] took 12 ms\n"), text);
        assertTrue(text.contains("java.lang.IllegalStateException: broken"), text);
    }

    @Test
    void everyRecordIsWrittenInOrderByTheWriterThread() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AsyncLogHandler handler = new AsyncLogHandler(new PrintStream(bytes, false, StandardCharsets.UTF_8), 1000);
        for (int i = 0; i < 500; i++) {
            handler.publish(record("line " + i));
        }
        handler.close();   // writes what is queued, then ends
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(500, lines.length);
        for (int i = 0; i < 500; i++) {
            assertTrue(lines[i].endsWith("] line " + i), lines[i]);
        }
        assertEquals(0, handler.dropped());
    }

    @Test
    void aFullQueueDropsAndCountsRecordsInsteadOfMakingTheCallerWait() throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // A stream that blocks the writer thread on its first write: the queue fills behind it.
        PrintStream stuck = new PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) {
                writing.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, true, StandardCharsets.UTF_8);
        AsyncLogHandler handler = new AsyncLogHandler(stuck, 10);
        handler.publish(record("first"));
        writing.await();
        for (int i = 0; i < 25; i++) {
            handler.publish(record("more " + i));   // returns at once whatever the writer does
        }
        assertEquals(15, handler.dropped(), "10 queued behind the stuck write, 15 dropped");
        release.countDown();
        handler.close();
    }
}
