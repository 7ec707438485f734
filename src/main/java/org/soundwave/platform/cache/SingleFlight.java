package org.soundwave.platform.cache;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Runs one computation per key at a time on this node: callers that arrive while it runs wait for its
 * result (up to {@value #WAIT_MILLIS} ms) instead of repeating it. A result that is null or not
 * {@code shareable}, a failure or a timeout sends each waiter to compute its own.
 */
public final class SingleFlight {

    static final long WAIT_MILLIS = 5_000;

    private static final Object NOT_SHARED = new Object();

    private final ConcurrentHashMap<String, CompletableFuture<Object>> running = new ConcurrentHashMap<>();

    public <V> V run(String key, Class<V> type, Supplier<V> work, Predicate<? super V> shareable) {
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> first = running.putIfAbsent(key, mine);
        if (first != null) {
            Object shared = await(first);
            return type.isInstance(shared) ? type.cast(shared) : work.get();
        }
        try {
            V value = work.get();
            mine.complete(value != null && shareable.test(value) ? value : NOT_SHARED);
            return value;
        } finally {
            mine.complete(NOT_SHARED);   // the work threw: waiters compute for themselves
            running.remove(key, mine);
        }
    }

    public <V> V run(String key, Class<V> type, Supplier<V> work) {
        return run(key, type, work, value -> true);
    }

    private static Object await(CompletableFuture<Object> first) {
        try {
            return first.get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return NOT_SHARED;
        } catch (ExecutionException | TimeoutException e) {
            return NOT_SHARED;
        }
    }
}
