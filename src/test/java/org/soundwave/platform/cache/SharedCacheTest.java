package org.soundwave.platform.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import javax.cache.expiry.ModifiedExpiryPolicy;
import org.eclipse.microprofile.metrics.Counter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cache-aside with leases against an in-memory grid cache: one storer per key, no value stored over an
 * invalidation, waiting for another node's value, and the database as fallback when the grid fails.
 */
class SharedCacheTest {

    /** SharedCache warns on every failed grid operation; the failures here are on purpose. */
    private static final Logger LOG = Logger.getLogger(SharedCache.class.getName());

    @BeforeAll
    static void quiet() {
        LOG.setLevel(Level.OFF);
    }

    @AfterAll
    static void loud() {
        LOG.setLevel(null);
    }

    private static final class Count implements Counter {
        private final AtomicLong count = new AtomicLong();

        @Override
        public void inc() {
            count.incrementAndGet();
        }

        @Override
        public void inc(long n) {
            count.addAndGet(n);
        }

        @Override
        public long getCount() {
            return count.get();
        }
    }

    private final GridCacheFake grid = new GridCacheFake();
    private volatile CacheSettings.Setting setting = new CacheSettings.Setting(true, 60);
    private volatile int staleIfErrorSeconds;
    private final SharedCache cache = new SharedCache(CacheLevel.LISTING, grid.cache(), new CacheSettings() {
        @Override
        public Setting of(CacheLevel level) {
            return setting;
        }

        @Override
        public int staleIfErrorSeconds(CacheLevel level) {
            return staleIfErrorSeconds;
        }
    }, new SharedCache.Counters(new Count(), new Count(), new Count()));

    /** Values named "old..." count as past their time to live. */
    private static final Predicate<String> FRESH = value -> !value.startsWith("old");

    private final AtomicInteger loads = new AtomicInteger();

    private Supplier<String> loader(String value) {
        return () -> {
            loads.incrementAndGet();
            return value;
        };
    }

    @Test
    void aMissComputesAndStoresTheValueAndTheNextCallIsAHit() {
        assertEquals("v", cache.get("k", String.class, loader("v")));
        assertEquals("v", cache.get("k", String.class, loader("other")));
        assertEquals(1, loads.get());
        assertEquals(Map.of("k", "v"), grid.entries);
        assertEquals(1, cache.misses());
        assertEquals(1, cache.hits());
        assertEquals(1, cache.puts());
    }

    @Test
    void aValueComputedWhileItsKeyWasInvalidatedIsReturnedButNeverStored() {
        String result = cache.get("k", String.class, () -> {
            cache.invalidate("k");   // a write committed while the database was read
            return "stale";
        });
        assertEquals("stale", result);
        assertEquals(Map.of(), grid.entries);
        assertEquals(0, cache.puts());
        assertEquals("fresh", cache.get("k", String.class, loader("fresh")));
        assertEquals(1, loads.get());
    }

    @Test
    void aValuePastItsTimeToLiveIsComputedAgainAndReplaced() {
        staleIfErrorSeconds = 600;
        grid.entries.put("k", "old");
        assertEquals("new", cache.get("k", String.class, loader("new"), v -> true, FRESH));
        assertEquals(Map.of("k", "new"), grid.entries);
        assertEquals(1, cache.misses());
        assertEquals(660, ((ModifiedExpiryPolicy) grid.expiries.get("k")).getExpiryForUpdate().getDurationAmount(),
                "kept its time to live plus the stale-if-error window");
    }

    @Test
    void aFreshValueOfALevelThatKeepsStaleOnesIsAHit() {
        staleIfErrorSeconds = 600;
        grid.entries.put("k", "current");
        assertEquals("current", cache.get("k", String.class, loader("new"), v -> true, FRESH));
        assertEquals(0, loads.get());
        assertEquals(1, cache.hits());
    }

    @Test
    void whenTheValueCannotBeComputedAgainTheExpiredOneIsPutBackToBeServedStale() {
        staleIfErrorSeconds = 600;
        grid.entries.put("k", "old page");
        String failed = cache.get("k", String.class, loader("503 unavailable"), v -> !v.startsWith("503"), FRESH);
        assertEquals("503 unavailable", failed, "the caller gets its own result");
        assertEquals(Map.of("k", "old page"), grid.entries, "the expired value is back under its key");
        assertEquals(Optional.of("old page"), cache.stale("k", String.class));
        assertEquals(0, cache.puts());
    }

    @Test
    void whileTheExpiredValueIsComputedAgainItIsStillThereToServeStale() {
        staleIfErrorSeconds = 600;
        grid.entries.put("k", "old page");
        String result = cache.get("k", String.class, () -> {
            assertInstanceOf(SharedCache.Lease.class, grid.entries.get("k"), "a lease is under the key");
            // another request whose own rendering failed meanwhile looks for the last copy
            assertEquals(Optional.of("old page"), cache.stale("k", String.class));
            return "new page";
        }, v -> true, FRESH);
        assertEquals("new page", result);
        assertEquals(Optional.of("new page"), cache.stale("k", String.class));
    }

    @Test
    void aComputationThatThrowsGivesTheKeyBackAtOnce() {
        grid.entries.put("k", "old");
        assertThrows(IllegalStateException.class, () -> cache.get("k", String.class, () -> {
            throw new IllegalStateException("database unreachable");
        }, v -> true, FRESH));
        assertEquals(Map.of("k", "old"), grid.entries, "the expired value, not a lease left to expire");
        assertThrows(IllegalStateException.class, () -> cache.get("n", String.class, () -> {
            throw new IllegalStateException("database unreachable");
        }));
        assertFalse(grid.entries.containsKey("n"), "no lease left behind on a missing key either");
    }

    @Test
    void aValueAnotherNodeStoredMeanwhileIsNotOverwrittenByALease() {
        staleIfErrorSeconds = 600;
        grid.entries.put("k", "old");
        String result = cache.get("k", String.class, loader("mine"), v -> true, v -> {
            grid.entries.put("k", "theirs");   // another node refreshed it between our read and our lease
            return false;
        });
        assertEquals("theirs", result, "waited for the value under the key instead of computing");
        assertEquals(Map.of("k", "theirs"), grid.entries);
        assertEquals(0, loads.get());
    }

    @Test
    void aMissWaitsForTheValueAnotherNodeIsComputingUnderItsLease() {
        grid.entries.put("k", new SharedCache.Lease("another node"));
        grid.onLeaseSeen("k", 2, () -> grid.entries.put("k", "theirs"));   // while the miss waits
        assertEquals("theirs", cache.get("k", String.class, loader("ours")));
        assertEquals(0, loads.get());
    }

    @Test
    void aMissComputesForItselfAsSoonAsTheOtherLeaseIsGoneWithoutAValue() {
        grid.entries.put("k", new SharedCache.Lease("another node"));
        grid.onLeaseSeen("k", 2, () -> grid.entries.remove("k"));   // invalidated, or the other node gave up
        long start = System.nanoTime();
        assertEquals("ours", cache.get("k", String.class, loader("ours")));
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < SharedCache.LEASE_WAIT_MILLIS);
        assertEquals(1, loads.get());
        assertEquals(Map.of(), grid.entries);   // not ours to store: we hold no lease
    }

    @Test
    void aLeaseThatIsNeverFilledIsWaitedForAboutOneSecondThenTheCallerComputes() {
        SharedCache.Lease stuck = new SharedCache.Lease("a node that hangs");
        grid.entries.put("k", stuck);
        long start = System.nanoTime();
        assertEquals("ours", cache.get("k", String.class, loader("ours")));
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(waited >= SharedCache.LEASE_WAIT_MILLIS, "waited " + waited + " ms");
        assertTrue(waited < 5 * SharedCache.LEASE_WAIT_MILLIS, "waited " + waited + " ms");
        assertEquals(stuck, grid.entries.get("k"));   // the lease expires by itself in the grid
    }

    @Test
    void aResultThatIsNotShareableIsReturnedButNotStoredAndItsLeaseIsReleased() {
        assertEquals("private", cache.get("k", String.class, loader("private"), value -> false));
        assertEquals(Map.of(), grid.entries);
        assertEquals(0, cache.puts());
    }

    @Test
    void aNullOrUnserializableResultIsNotStoredAndItsLeaseIsReleased() {
        assertNull(cache.get("k", String.class, () -> null));
        Object unserializable = new Object();
        assertEquals(unserializable, cache.get("j", Object.class, () -> unserializable));
        assertEquals(Map.of(), grid.entries);
    }

    @Test
    void anEntryOfAnotherTypeIsAMissAndIsLeftAsItIs() {
        grid.entries.put("k", "text");
        assertEquals(7, cache.get("k", Integer.class, () -> 7));
        assertEquals("text", grid.entries.get("k"));
        assertEquals(1, cache.misses());
    }

    @Test
    void whenTheLevelIsOffEveryCallComputesAndTheGridIsNotAsked() {
        setting = new CacheSettings.Setting(false, 60);
        assertEquals("v", cache.get("k", String.class, loader("v")));
        assertEquals("v", cache.get("k", String.class, loader("v")));
        assertEquals(Optional.empty(), cache.peek("k", String.class));
        assertEquals(Optional.empty(), cache.reserve("k"));
        assertEquals(2, loads.get());
        assertEquals(0, grid.operations.get());
    }

    @Test
    void whenTheGridFailsValuesComeFromTheLoaderAndNothingThrows() {
        grid.failing = true;
        assertEquals("v", cache.get("k", String.class, loader("v")));
        assertEquals("v", cache.get("k", String.class, loader("v")));
        assertEquals(2, loads.get());
        assertEquals(Optional.empty(), cache.reserve("k"));
        assertEquals(Optional.empty(), cache.peek("k", String.class));
        cache.fill("k", new SharedCache.Lease("x"), "v");
        cache.invalidate("k");
        cache.clear();
        assertEquals(0, cache.puts());
    }

    @Test
    void reserveHandsOutOneLeasePerKeyAndFillReplacesExactlyThatLease() {
        SharedCache.Lease mine = cache.reserve("k").orElseThrow();
        assertEquals(Optional.empty(), cache.reserve("k"));
        cache.fill("k", new SharedCache.Lease("someone else's"), "theirs");
        assertEquals(mine, grid.entries.get("k"));
        cache.fill("k", mine, "mine");
        assertEquals("mine", grid.entries.get("k"));
        assertEquals(1, cache.puts());
    }

    @Test
    void fillStoresNothingOnceTheKeyWasInvalidated() {
        SharedCache.Lease lease = cache.reserve("k").orElseThrow();
        cache.invalidate("k");
        cache.fill("k", lease, "stale");
        assertEquals(Map.of(), grid.entries);
        assertEquals(0, cache.puts());
    }

    @Test
    void aLeaseLivesTenSecondsAndAValueTheLevelsTimeToLive() {
        setting = new CacheSettings.Setting(true, 42);
        SharedCache.Lease lease = cache.reserve("k").orElseThrow();
        assertEquals(new CreatedExpiryPolicy(new Duration(TimeUnit.SECONDS, 10)), grid.expiries.get("k"));
        cache.fill("k", lease, "v");
        assertEquals(new ModifiedExpiryPolicy(new Duration(TimeUnit.SECONDS, 42)), grid.expiries.get("k"));
    }

    @Test
    void peekCountsAHitOrAMissAndNeverComputes() {
        assertEquals(Optional.empty(), cache.peek("k", String.class));
        grid.entries.put("k", "v");
        assertEquals(Optional.of("v"), cache.peek("k", String.class));
        grid.entries.put("l", new SharedCache.Lease("computing"));
        assertEquals(Optional.empty(), cache.peek("l", String.class));
        assertEquals(1, cache.hits());
        assertEquals(2, cache.misses());
    }

    @Test
    void leasesAreUniqueAndEqualOnlyByTokenEvenAfterTheGridSerializedThem() throws Exception {
        SharedCache.Lease first = cache.reserve("a").orElseThrow();
        SharedCache.Lease second = cache.reserve("b").orElseThrow();
        assertNotEquals(first, second);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(first);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            Object copy = in.readObject();
            assertInstanceOf(SharedCache.Lease.class, copy);
            assertEquals(first, copy);
        }
    }
}
