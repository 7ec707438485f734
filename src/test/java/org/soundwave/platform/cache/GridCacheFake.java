package org.soundwave.platform.cache;

import com.hazelcast.cache.ICache;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.expiry.ExpiryPolicy;

/**
 * An in-memory stand-in for one JCache cache of the data grid, with the operations SharedCache uses and
 * their JCache meaning (conditional put/replace/remove compare values by equality). Any other operation
 * fails. Switched to {@link #failing}, every operation throws, as when a member has died.
 */
final class GridCacheFake {

    final Map<String, Object> entries = new ConcurrentHashMap<>();
    final Map<String, ExpiryPolicy> expiries = new ConcurrentHashMap<>();
    final AtomicInteger operations = new AtomicInteger();
    volatile boolean failing;

    /** What "another node" does once a reader has found its lease a given number of times (see {@link #onLeaseSeen}). */
    private record LeaseHook(String key, AtomicInteger left, Runnable action) {
    }

    private volatile LeaseHook leaseHook;

    /**
     * Runs the action (another node filling or dropping its lease) when a get of the key has found a lease
     * there the given number of times, so a test plays "meanwhile" at a point of the reader's own steps
     * instead of after a pause.
     */
    void onLeaseSeen(String key, int times, Runnable action) {
        leaseHook = new LeaseHook(key, new AtomicInteger(times), action);
    }

    private Object get(String key) {
        Object found = entries.get(key);
        LeaseHook hook = leaseHook;
        if (hook != null && hook.key().equals(key) && found instanceof SharedCache.Lease && hook.left().decrementAndGet() == 0) {
            hook.action().run();
            found = entries.get(key);
        }
        return found;
    }

    @SuppressWarnings("unchecked")
    ICache<String, Object> cache() {
        return (ICache<String, Object>) Proxy.newProxyInstance(GridCacheFake.class.getClassLoader(), new Class<?>[] {ICache.class},
                (proxy, method, args) -> {
                    String name = method.getName();
                    int arity = args == null ? 0 : args.length;
                    switch (name) {
                        case "toString":
                            return "grid cache fake";
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        case "equals":
                            return proxy == args[0];
                        default:
                            break;
                    }
                    operations.incrementAndGet();
                    if (failing) {
                        throw new IllegalStateException("member left the cluster");
                    }
                    switch (name + "/" + arity) {
                        case "get/1":
                            return get((String) args[0]);
                        case "putIfAbsent/3":
                            if (entries.putIfAbsent((String) args[0], args[1]) == null) {
                                expiries.put((String) args[0], (ExpiryPolicy) args[2]);
                                return true;
                            }
                            return false;
                        case "replace/4":
                            if (entries.replace((String) args[0], args[1], args[2])) {
                                expiries.put((String) args[0], (ExpiryPolicy) args[3]);
                                return true;
                            }
                            return false;
                        case "remove/1":
                            return entries.remove((String) args[0]) != null;
                        case "remove/2":
                            return entries.remove((String) args[0], args[1]);
                        case "removeAll/0":
                            entries.clear();
                            return null;
                        default:
                            throw new UnsupportedOperationException("ICache." + name + "/" + arity + " is not faked");
                    }
                });
    }
}
