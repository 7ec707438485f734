package org.soundwave.platform.cache;

/** A cache level as the admin API shows it: its settings (cluster-wide) and this node's statistics. */
public record CacheView(String level, String cacheName, boolean enabled, int ttlSeconds, String node,
                        long hits, long misses, long puts, long evictions, long entries) {

    static CacheView of(SharedCache cache, String node) {
        CacheSettings.Setting setting = cache.setting();
        return new CacheView(cache.level().id(), cache.level().cacheName(), setting.enabled(), setting.ttlSeconds(), node,
                cache.hits(), cache.misses(), cache.puts(), cache.evictions(), cache.entries());
    }
}
