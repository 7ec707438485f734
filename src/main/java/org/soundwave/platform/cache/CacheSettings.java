package org.soundwave.platform.cache;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.replicatedmap.ReplicatedMap;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.Config;

/**
 * Whether each cache level is on and how long its entries live, the same on every node and changeable
 * at run time (the admin API, {@code bin/cluster cache}). Kept in a Hazelcast replicated map: every
 * member holds a copy, so the check each request makes is a local read; a change reaches the other
 * nodes within milliseconds. Until someone changes a level, its settings come from the configuration.
 */
@ApplicationScoped
public class CacheSettings {

    /** One level's settings. */
    public record Setting(boolean enabled, int ttlSeconds) {

        public Setting {
            if (ttlSeconds < 1) {
                throw new IllegalArgumentException("ttlSeconds must be at least 1");
            }
        }

        String encode() {
            return enabled + "," + ttlSeconds;
        }

        static Setting decode(String value) {
            String[] parts = value.split(",");
            return new Setting(Boolean.parseBoolean(parts[0]), Integer.parseInt(parts[1]));
        }
    }

    static final String MAP = "soundwave-cache-settings";

    @Resource(lookup = "payara/Hazelcast")
    HazelcastInstance hazelcast;

    @Inject
    Config config;

    private final Map<CacheLevel, Setting> configured = new ConcurrentHashMap<>();
    private final Map<CacheLevel, Integer> staleIfError = new ConcurrentHashMap<>();

    public Setting of(CacheLevel level) {
        String stored = map().get(level.id());
        return stored != null ? Setting.decode(stored) : configured(level);
    }

    public void set(CacheLevel level, Setting setting) {
        map().put(level.id(), setting.encode());
    }

    /**
     * The level's settings from the configuration (soundwave.cache.ID.enabled and .ttl-seconds), read once:
     * every cached read asks, and a configuration lookup costs more than the local map read.
     */
    public Setting configured(CacheLevel level) {
        return configured.computeIfAbsent(level, l -> new Setting(
                config.getOptionalValue(key(l, "enabled"), Boolean.class).orElse(true),
                config.getOptionalValue(key(l, "ttl-seconds"), Integer.class).orElse(60)));
    }

    /**
     * Seconds an entry of the level is kept past its time to live, to be served stale while its source
     * (PostgreSQL) is unreachable; 0 (the default) for levels that drop entries at their time to live.
     */
    public int staleIfErrorSeconds(CacheLevel level) {
        return staleIfError.computeIfAbsent(level, l -> Math.max(0,
                config.getOptionalValue(key(l, "stale-if-error-seconds"), Integer.class).orElse(0)));
    }

    /** Most entries each member keeps (least recently used go first). */
    int maxEntries(CacheLevel level) {
        return config.getOptionalValue(key(level, "max-entries"), Integer.class).orElse(10_000);
    }

    private static String key(CacheLevel level, String name) {
        return "soundwave.cache." + level.id() + "." + name;
    }

    private ReplicatedMap<String, String> map() {
        return hazelcast.getReplicatedMap(MAP);
    }
}
