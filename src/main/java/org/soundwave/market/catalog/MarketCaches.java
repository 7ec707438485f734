package org.soundwave.market.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.soundwave.platform.api.Slice;
import org.soundwave.platform.cache.CacheLevel;
import org.soundwave.platform.cache.Caches;
import org.soundwave.platform.cache.SharedCache;

/**
 * Cache-aside for the catalog (the catalog level): categories, product views and the first page of every
 * listing. Any catalog change (a product, its stock, a review, a category) empties the level after its
 * transaction commits: writes are rare next to reads, and a product's change moves it in many listings.
 * What buyers see of the stock is therefore at most the level's time to live old; buying itself decides
 * against the database.
 */
@ApplicationScoped
public class MarketCaches {

    @Inject
    Caches caches;

    @Inject
    CatalogRepository catalog;

    private SharedCache level() {
        return caches.level(CacheLevel.CATALOG);
    }

    @SuppressWarnings("unchecked")
    public List<CategoryView> categories() {
        return level().get("categories", List.class, catalog::categories);
    }

    public Optional<ProductView> product(long id) {
        return Optional.ofNullable(level().get("product:" + id, ProductView.class, () -> catalog.product(id).orElse(null)));
    }

    /** A listing's page: the first one (no cursor) from the cache, deeper ones from the database. */
    @SuppressWarnings("unchecked")
    public Slice<ProductView> products(Long categoryId, String search, ProductSort sort, ProductCursor after, int limit) {
        if (after != null) {
            return catalog.products(categoryId, search, sort, after, limit);
        }
        String key = "products:" + categoryId + ":" + sort.param() + ":" + limit + ":" + (search == null ? "" : "q=" + search);
        return level().get(key, Slice.class, () -> catalog.products(categoryId, search, sort, null, limit));
    }

    /** After any catalog change commits: the catalog level and the market's whole pages (the shop level). */
    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) MarketChange change) {
        level().clear();
        caches.level(CacheLevel.SHOP).clear();
    }
}
