package org.soundwave.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.Duration;
import javax.cache.expiry.ModifiedExpiryPolicy;

/**
 * Every cache the application keeps in the Hazelcast data grid, declared in one place, statistics on.
 * Shared by all nodes: a value one node puts is what another reads.
 */
@ApplicationScoped
public class Caches {

    /** Failed sign-ins per account and per client address, forgotten 15 minutes after the last one. */
    public static final String LOGIN_FAILURES = "soundwave-login-failures";

    @Inject
    CacheManager cacheManager;

    public Cache<String, String> loginFailures() {
        return cache(LOGIN_FAILURES, new Duration(TimeUnit.MINUTES, 15));
    }

    private Cache<String, String> cache(String name, Duration idleAfterWrite) {
        Cache<String, String> cache = cacheManager.getCache(name, String.class, String.class);
        if (cache != null) {
            return cache;
        }
        MutableConfiguration<String, String> config = new MutableConfiguration<String, String>()
                .setTypes(String.class, String.class)
                .setExpiryPolicyFactory(ModifiedExpiryPolicy.factoryOf(idleAfterWrite))
                .setStatisticsEnabled(true);
        try {
            return cacheManager.createCache(name, config);
        } catch (javax.cache.CacheException createdMeanwhile) {
            return cacheManager.getCache(name, String.class, String.class);
        }
    }
}
