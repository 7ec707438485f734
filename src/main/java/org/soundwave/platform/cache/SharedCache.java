package org.soundwave.platform.cache;

import com.hazelcast.cache.ICache;
import java.io.Serial;
import java.io.Serializable;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import javax.cache.expiry.ModifiedExpiryPolicy;
import org.eclipse.microprofile.metrics.Counter;

/**
 * One cache level in the data grid, read through {@link #get}: cache-aside with stampede protection and
 * no stale refill.
 * <ul>
 * <li><b>One computation per node for a missing key.</b> Concurrent misses on one node wait for the first
 * one's result (see {@link SingleFlight}) instead of each asking the database.</li>
 * <li><b>One storer per cluster, and no stale value stored after an invalidation.</b> Before computing, the
 * node puts a lease (a unique token) under the key with put-if-absent; it stores its result only by replacing
 * exactly that lease. {@link #invalidate} removes whatever is under the key, lease included, so a value read
 * from the database before a write committed can never be stored after that write's invalidation. Other
 * nodes that find a lease wait briefly for the value ({@link #awaitValue}) and compute for themselves
 * only if it does not come: usually one computation per cluster, at most one per node.</li>
 * <li><b>The data grid failing is not the application failing.</b> If a cache operation throws (a member
 * died, partitions are migrating), the value is computed from the database as if the level were off.</li>
 * </ul>
 * Values must be immutable and {@link Serializable}. When the level is switched off every call computes.
 */
public final class SharedCache {

    private static final Logger LOG = Logger.getLogger(SharedCache.class.getName());

    /** How long a miss waits for a value another node is computing under its lease. */
    static final long LEASE_WAIT_MILLIS = 1_000;

    /** A lease outlives any computation we would want to store; if its holder dies, the key frees itself. */
    private static final CreatedExpiryPolicy LEASE_EXPIRY = new CreatedExpiryPolicy(new Duration(TimeUnit.SECONDS, 10));

    /**
     * What a node puts under a key while it computes the value. A lease taken over an expired value keeps
     * that value as {@code previous}: while the new one is computed, {@link #stale} still finds the old
     * copy (without it, a request whose own computation failed meanwhile had nothing to serve).
     */
    public record Lease(String token, Serializable previous) implements Serializable {
        @Serial
        private static final long serialVersionUID = 2L;

        public Lease(String token) {
            this(token, null);
        }
    }

    /** This level's hit, miss and put counters on this node. */
    record Counters(Counter hits, Counter misses, Counter puts) {
    }

    private final CacheLevel level;
    private final ICache<String, Object> cache;
    private final CacheSettings settings;
    private final Counters counters;
    private final SingleFlight flights = new SingleFlight();

    SharedCache(CacheLevel level, ICache<String, Object> cache, CacheSettings settings, Counters counters) {
        this.level = level;
        this.cache = cache;
        this.settings = settings;
        this.counters = counters;
    }

    public CacheLevel level() {
        return level;
    }

    public CacheSettings.Setting setting() {
        return settings.of(level);
    }

    public boolean enabled() {
        return settings.of(level).enabled();
    }

    public int ttlSeconds() {
        return settings.of(level).ttlSeconds();
    }

    /**
     * The value under the key, computed by the loader on a miss (see the class comment). A result that is
     * null or fails {@code shareable} is returned to this caller only: neither stored nor handed to waiters.
     */
    public <V> V get(String key, Class<V> type, Supplier<V> loader, Predicate<? super V> shareable) {
        return get(key, type, loader, shareable, value -> true);
    }

    public <V> V get(String key, Class<V> type, Supplier<V> loader) {
        return get(key, type, loader, value -> true);
    }

    /**
     * As {@link #get(String, Class, Supplier, Predicate)}, for a level that keeps entries past their time to
     * live ({@link CacheSettings#staleIfErrorSeconds}): a cached value that is no longer {@code fresh} is
     * computed again, and if that computation is not shareable (it failed: the database is unreachable)
     * the old value is put back, where {@link #stale} finds it for serving while the database is away.
     */
    public <V> V get(String key, Class<V> type, Supplier<V> loader, Predicate<? super V> shareable,
                     Predicate<? super V> fresh) {
        if (!enabled()) {
            return loader.get();
        }
        Object cached = read(key);
        V expired = null;
        if (type.isInstance(cached)) {
            V value = type.cast(cached);
            if (fresh.test(value)) {
                counters.hits().inc();
                return value;
            }
            expired = value;
        }
        counters.misses().inc();
        V old = expired;
        return flights.run(key, type, () -> load(key, type, loader, shareable, old), shareable);
    }

    /**
     * Whatever value is under the key, fresh or kept past its time to live (see
     * {@link CacheSettings#staleIfErrorSeconds}), or the copy a computation under way will replace: for
     * serving while the value cannot be computed. Not counted as a hit or a miss; empty when the level is off.
     */
    public <V> Optional<V> stale(String key, Class<V> type) {
        if (!enabled()) {
            return Optional.empty();
        }
        Object cached = read(key);
        if (cached instanceof Lease lease) {
            cached = lease.previous();   // being computed again: the copy it replaces
        }
        return type.isInstance(cached) ? Optional.of(type.cast(cached)) : Optional.empty();
    }

    /** Seconds entries of this level are kept past their time to live; 0 if they are not. */
    public int staleIfErrorSeconds() {
        return settings.staleIfErrorSeconds(level);
    }

    /** The value under the key if there is one (counted as a hit or a miss); empty when the level is off. */
    public <V> Optional<V> peek(String key, Class<V> type) {
        if (!enabled()) {
            return Optional.empty();
        }
        Object cached = read(key);
        (type.isInstance(cached) ? counters.hits() : counters.misses()).inc();
        return type.isInstance(cached) ? Optional.of(type.cast(cached)) : Optional.empty();
    }

    /**
     * For callers that compute outside {@link #get} (a fragment rendered by Faces): reserves the missing
     * key with a lease, to be passed to {@link #fill}. Empty when the level is off or another computation
     * holds the key (then the caller's result is not stored).
     */
    public Optional<Lease> reserve(String key) {
        if (!enabled()) {
            return Optional.empty();
        }
        Lease lease = new Lease(UUID.randomUUID().toString());
        try {
            return cache.putIfAbsent(key, lease, LEASE_EXPIRY) ? Optional.of(lease) : Optional.empty();
        } catch (RuntimeException e) {
            warn("lease", key, e);
            return Optional.empty();
        }
    }

    /** Stores the value in place of the caller's lease, unless the key was invalidated meanwhile. */
    public void fill(String key, Lease lease, Serializable value) {
        try {
            if (cache.replace(key, lease, value, valueExpiry())) {
                counters.puts().inc();
            }
        } catch (RuntimeException e) {
            warn("store", key, e);
        }
    }

    /** Forgets the key on every node, and cancels a lease on it: call after the change has committed. */
    public void invalidate(String key) {
        try {
            cache.remove(key);
        } catch (RuntimeException e) {
            warn("invalidate", key, e);
        }
    }

    /** Forgets every entry of this level, cluster-wide. */
    public void clear() {
        try {
            cache.removeAll();
        } catch (RuntimeException e) {
            warn("clear", "*", e);
        }
    }

    /** Entries evicted for space on this member (as partition owner). */
    public long evictions() {
        return cache.getLocalCacheStatistics().getCacheEvictions();
    }

    /** Entries this member owns. */
    public long entries() {
        return cache.getLocalCacheStatistics().getOwnedEntryCount();
    }

    public long hits() {
        return counters.hits().getCount();
    }

    public long misses() {
        return counters.misses().getCount();
    }

    public long puts() {
        return counters.puts().getCount();
    }

    private <V> V load(String key, Class<V> type, Supplier<V> loader, Predicate<? super V> shareable, V expired) {
        Optional<Lease> lease = expired == null ? reserve(key) : reserveOver(key, expired);
        if (lease.isEmpty()) {
            // Another node (or request) holds the lease and is computing: wait briefly for its value.
            return awaitValue(key, type).orElseGet(loader);
        }
        V value;
        try {
            value = loader.get();
        } catch (RuntimeException e) {
            release(key, lease.get(), expired);
            throw e;
        }
        if (value instanceof Serializable storable && shareable.test(value)) {
            fill(key, lease.get(), storable);
        } else {
            release(key, lease.get(), expired);
        }
        return value;
    }

    /** A lease in place of exactly the expired value (not of a newer one another node stored meanwhile). */
    private Optional<Lease> reserveOver(String key, Object expired) {
        Lease lease = new Lease(UUID.randomUUID().toString(), expired instanceof Serializable old ? old : null);
        try {
            return cache.replace(key, expired, lease, LEASE_EXPIRY) ? Optional.of(lease) : Optional.empty();
        } catch (RuntimeException e) {
            warn("lease", key, e);
            return Optional.empty();
        }
    }

    /** Gives the key up after a computation that is not stored: back to the expired value, if there was one. */
    private void release(String key, Lease lease, Object expired) {
        try {
            if (expired != null) {
                cache.replace(key, lease, expired, valueExpiry());
            } else {
                cache.remove(key, lease);
            }
        } catch (RuntimeException e) {
            warn("release", key, e);
        }
    }

    /**
     * The value another computation is about to store under its lease, polled for up to
     * {@value #LEASE_WAIT_MILLIS} ms. Empty as soon as the key holds neither a lease nor a value (it was
     * invalidated, or the computation gave up) or when the time is up: then the caller computes for itself.
     */
    public <V> Optional<V> awaitValue(String key, Class<V> type) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LEASE_WAIT_MILLIS);
        long pause = 2;
        while (System.nanoTime() < deadline) {
            Object now = read(key);
            if (type.isInstance(now)) {
                return Optional.of(type.cast(now));
            }
            if (!(now instanceof Lease)) {
                return Optional.empty();
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            pause = Math.min(pause * 2, 50);
        }
        return Optional.empty();
    }

    private Object read(String key) {
        try {
            return cache.get(key);
        } catch (RuntimeException e) {
            warn("get", key, e);   // e.g. a value of a class this version no longer has: a miss
            return null;
        }
    }

    /** Values live their time to live, plus the time they may be served stale where the level allows it. */
    private ModifiedExpiryPolicy valueExpiry() {
        return new ModifiedExpiryPolicy(new Duration(TimeUnit.SECONDS, (long) ttlSeconds() + staleIfErrorSeconds()));
    }

    private void warn(String operation, String key, RuntimeException e) {
        LOG.log(Level.WARNING, () -> "cache " + level.id() + ": " + operation + " " + key + " failed, using the database: " + e);
    }
}
