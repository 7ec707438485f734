package org.soundwave.platform.cache;

import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The application's cache levels, each a JCache cache in the Hazelcast data grid shared by every node.
 * Each can be switched off and given another time to live at run time (see {@link CacheSettings});
 * its defaults are the settings {@code soundwave.cache.<id>.enabled}, {@code .ttl-seconds} and
 * {@code .max-entries}.
 */
public enum CacheLevel {

    /** Whole anonymous GET responses of the blog's pages: lists and posts (see platform/web/PageCacheFilter). */
    PAGE("soundwave-pages"),
    /** Whole anonymous GET responses of the market's pages: shop, categories, products; emptied by any catalog change. */
    SHOP("soundwave-shop-pages"),
    /** Rendered parts of pages: the recent comments of a post (OmniFaces o:cache, scope application). */
    FRAGMENT("soundwave-fragments"),
    /** Counts: comments per post, posts per list (for the pager). */
    COUNT("soundwave-counts"),
    /** The API's first pages of posts (cache-aside). */
    LISTING("soundwave-listings"),
    /** The market: categories, product views and first pages of product listings (cache-aside). */
    CATALOG("soundwave-catalog");

    private final String cacheName;

    CacheLevel(String cacheName) {
        this.cacheName = cacheName;
    }

    /** The JCache (and Hazelcast) name of the cache. */
    public String cacheName() {
        return cacheName;
    }

    /** The short name used in settings, metrics and the admin API: page, shop, fragment, count, listing, catalog. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CacheLevel> byId(String id) {
        return Stream.of(values()).filter(level -> level.id().equals(id)).findFirst();
    }
}
