package org.soundwave.platform.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** One computation per key at a time on a node; callers arriving meanwhile share its result when they may. */
class SingleFlightTest {

    private final SingleFlight flights = new SingleFlight();
    private final AtomicInteger computations = new AtomicInteger();
    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    /** A task on its own thread. */
    private record Running<T>(Thread thread, FutureTask<T> task) {

        static <T> Running<T> start(Callable<T> work) {
            FutureTask<T> task = new FutureTask<>(work);
            Thread thread = new Thread(task, "single-flight-test");
            thread.setDaemon(true);
            thread.start();
            return new Running<>(thread, task);
        }

        /** Returns once the thread is parked (a waiter waiting for the first computation). */
        void awaitParked() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (thread.getState() != Thread.State.TIMED_WAITING && thread.getState() != Thread.State.WAITING) {
                assertTrue(System.nanoTime() < deadline, "the caller did not start waiting");
                Thread.sleep(1);
            }
        }

        T get() throws Exception {
            return task.get(5, TimeUnit.SECONDS);
        }
    }

    /** Work that counts itself, then (if it is the first) holds until released. */
    private <T> Supplier<T> work(Supplier<T> result) {
        return () -> {
            computations.incrementAndGet();
            started.countDown();
            try {
                assertTrue(release.await(5, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return result.get();
        };
    }

    /** The first caller computes (held until released); a second arrives while it runs; both results. */
    private <T> Object[] firstAndWaiter(Class<T> type, Supplier<T> first, Supplier<T> waiters, Predicate<? super T> shareable)
            throws Exception {
        Running<T> one = Running.start(() -> flights.run("k", type, work(first), shareable));
        assertTrue(started.await(5, TimeUnit.SECONDS));
        Running<T> two = Running.start(() -> flights.run("k", type, () -> {
            computations.incrementAndGet();
            return waiters.get();
        }, shareable));
        two.awaitParked();
        release.countDown();
        Object firstResult;
        try {
            firstResult = one.get();
        } catch (ExecutionException e) {
            firstResult = e.getCause();
        }
        return new Object[] {firstResult, two.get()};
    }

    @Test
    void aLoneCallerComputesItsValue() {
        assertEquals("v", flights.run("k", String.class, () -> "v"));
    }

    @Test
    void aCallerArrivingDuringAComputationGetsItsResultInsteadOfComputing() throws Exception {
        Object[] results = firstAndWaiter(String.class, () -> "first", () -> "second", v -> true);
        assertEquals("first", results[0]);
        assertEquals("first", results[1]);
        assertEquals(1, computations.get());
    }

    @Test
    void aResultThatIsNotShareableSendsTheWaiterToComputeItsOwn() throws Exception {
        Object[] results = firstAndWaiter(String.class, () -> "private", () -> "own", v -> !v.equals("private"));
        assertEquals("private", results[0]);
        assertEquals("own", results[1]);
        assertEquals(2, computations.get());
    }

    @Test
    void aNullResultSendsTheWaiterToComputeItsOwn() throws Exception {
        Object[] results = firstAndWaiter(String.class, () -> null, () -> "own", v -> true);
        assertNull(results[0]);
        assertEquals("own", results[1]);
        assertEquals(2, computations.get());
    }

    @Test
    void aFailedComputationSendsTheWaiterToComputeItsOwn() throws Exception {
        Object[] results = firstAndWaiter(String.class, () -> {
            throw new IllegalStateException("database down");
        }, () -> "own", v -> true);
        assertInstanceOf(IllegalStateException.class, results[0]);
        assertEquals("own", results[1]);
        assertEquals(2, computations.get());
    }

    @Test
    void anotherKeyDoesNotWaitForARunningComputation() throws Exception {
        Running<String> one = Running.start(() -> flights.run("k", String.class, work(() -> "first")));
        assertTrue(started.await(5, TimeUnit.SECONDS));
        try {
            assertEquals("other", flights.run("other-key", String.class, () -> "other"));
        } finally {
            release.countDown();
        }
        assertEquals("first", one.get());
    }

    @Test
    void nothingIsRememberedOnceAComputationEndsEvenByFailing() {
        assertThrows(IllegalStateException.class, () -> flights.run("k", String.class, () -> {
            computations.incrementAndGet();
            throw new IllegalStateException("boom");
        }));
        Supplier<String> counted = () -> "run " + computations.incrementAndGet();
        assertEquals("run 2", flights.run("k", String.class, counted));
        assertEquals("run 3", flights.run("k", String.class, counted));
    }
}
