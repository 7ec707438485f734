package org.soundwave.platform.cache;

import com.hazelcast.cache.ICache;
import com.hazelcast.config.CacheConfig;
import com.hazelcast.config.EvictionConfig;
import com.hazelcast.config.EvictionPolicy;
import com.hazelcast.config.MaxSizePolicy;
import com.hazelcast.config.MergePolicyConfig;
import com.hazelcast.spi.merge.DiscardMergePolicy;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.Configuration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.Duration;
import javax.cache.expiry.ModifiedExpiryPolicy;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Every cache the application keeps in the Hazelcast data grid, declared in one place, statistics on.
 * Shared by all nodes: a value one node puts is what another reads.
 * <table>
 * <caption>Caches</caption>
 * <tr><th>JCache name</th><th>holds</th><th>expiry</th></tr>
 * <tr><td>soundwave-pages</td><td>anonymous blog pages (lists, posts), whole</td><td>60 s</td></tr>
 * <tr><td>soundwave-shop-pages</td><td>anonymous market pages (shop, categories, products), whole</td><td>60 s</td></tr>
 * <tr><td>soundwave-fragments</td><td>a post's rendered recent comments</td><td>60 s</td></tr>
 * <tr><td>soundwave-counts</td><td>comments per post, posts per list</td><td>300 s</td></tr>
 * <tr><td>soundwave-listings</td><td>the API's first pages of posts</td><td>60 s</td></tr>
 * <tr><td>soundwave-catalog</td><td>categories, products, first pages of product listings</td><td>60 s</td></tr>
 * <tr><td>soundwave-login-failures</td><td>failed sign-ins per account and address</td><td>15 min idle</td></tr>
 * </table>
 * The expiries are the defaults of microprofile-config.properties; {@link CacheSettings} changes them
 * (and switches levels off) at run time. Each member keeps at most {@code max-entries} per level, least
 * recently used evicted first.
 * <p>
 * After a network partition heals, the smaller side of the grid merges into the larger one. The cache
 * levels drop the smaller side's entries (Hazelcast's DiscardMergePolicy): that side missed the larger
 * side's invalidations, so a page it kept may be stale, and a missing entry is only rendered again. The
 * login failures keep the larger side's counts and add the ones only the smaller side saw
 * (PutIfAbsentMergePolicy, Hazelcast's default).
 */
@ApplicationScoped
public class Caches {

    /** Failed sign-ins per account and per client address, forgotten 15 minutes after the last one. */
    public static final String LOGIN_FAILURES = "soundwave-login-failures";

    @Inject
    CacheManager cacheManager;

    @Inject
    CacheSettings settings;

    @Inject
    MetricRegistry metrics;

    private final Map<CacheLevel, SharedCache> levels = new EnumMap<>(CacheLevel.class);

    @PostConstruct
    void declare() {
        for (CacheLevel level : CacheLevel.values()) {
            levels.put(level, new SharedCache(level, levelCache(level), settings, counters(level)));
        }
        registerGauges();
    }

    public SharedCache level(CacheLevel level) {
        return levels.get(level);
    }

    public CacheSettings settings() {
        return settings;
    }

    public Cache<String, String> loginFailures() {
        MutableConfiguration<String, String> config = new MutableConfiguration<String, String>()
                .setTypes(String.class, String.class)
                .setExpiryPolicyFactory(ModifiedExpiryPolicy.factoryOf(new Duration(TimeUnit.MINUTES, 15)))
                .setStatisticsEnabled(true);
        return cache(LOGIN_FAILURES, config, String.class, String.class);
    }

    @SuppressWarnings("unchecked")
    private ICache<String, Object> levelCache(CacheLevel level) {
        CacheConfig<Object, Object> config = new CacheConfig<>();
        config.setExpiryPolicyFactory(ModifiedExpiryPolicy.factoryOf(
                new Duration(TimeUnit.SECONDS, settings.configured(level).ttlSeconds())));
        config.setStatisticsEnabled(true);
        config.setMergePolicyConfig(new MergePolicyConfig(DiscardMergePolicy.class.getName(), MergePolicyConfig.DEFAULT_BATCH_SIZE));
        config.setEvictionConfig(new EvictionConfig()
                .setMaxSizePolicy(MaxSizePolicy.ENTRY_COUNT)
                .setSize(settings.maxEntries(level))
                .setEvictionPolicy(EvictionPolicy.LRU));
        return cache(level.cacheName(), config, Object.class, Object.class).unwrap(ICache.class);
    }

    private <K, V> Cache<K, V> cache(String name, Configuration<K, V> config, Class<K> keys, Class<V> values) {
        Cache<K, V> cache = existing(name, keys, values);
        if (cache != null) {
            return cache;
        }
        try {
            return cacheManager.createCache(name, config);
        } catch (CacheException createdMeanwhile) {
            return existing(name, keys, values);
        }
    }

    @SuppressWarnings("unchecked")
    private <K, V> Cache<K, V> existing(String name, Class<K> keys, Class<V> values) {
        return keys == Object.class ? (Cache<K, V>) cacheManager.getCache(name) : cacheManager.getCache(name, keys, values);
    }

    private SharedCache.Counters counters(CacheLevel level) {
        Tag tag = new Tag("cache", level.id());
        return new SharedCache.Counters(
                metrics.counter(metadata("soundwave.cache.hits", "Reads that found a value, on this node"), tag),
                metrics.counter(metadata("soundwave.cache.misses", "Reads that found none and computed the value, on this node"), tag),
                metrics.counter(metadata("soundwave.cache.puts", "Values this node stored"), tag));
    }

    /** Each member's evictions and owned entries, by cache level (hits, misses and puts are counters). */
    private void registerGauges() {
        for (CacheLevel level : CacheLevel.values()) {
            Tag tag = new Tag("cache", level.id());
            metrics.gauge(metadata("soundwave.cache.evictions", "Entries this member evicted for space (as partition owner)"),
                    level, l -> levels.get(l).evictions(), tag);
            metrics.gauge(metadata("soundwave.cache.entries", "Entries this member owns"),
                    level, l -> levels.get(l).entries(), tag);
        }
    }

    private static Metadata metadata(String name, String description) {
        return Metadata.builder().withName(name).withDescription(description).build();
    }
}
