package org.soundwave.market.order;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.soundwave.platform.api.Slice;
import org.soundwave.platform.cache.CacheLevel;
import org.soundwave.platform.cache.Caches;

/**
 * A member's first page of orders, cached (listing level) and removed after any change to one of their
 * orders commits (placed, paid, completed, cancelled), on every node.
 */
@ApplicationScoped
public class MarketOrderCaches {

    public static final int FIRST_PAGE = 20;

    @Inject
    Caches caches;

    @Inject
    OrderRepository orders;

    static String key(long memberId) {
        return "orders:member:" + memberId;
    }

    @SuppressWarnings("unchecked")
    public Slice<OrderView> firstPage(long memberId) {
        return caches.level(CacheLevel.LISTING).get(key(memberId), Slice.class, () -> orders.orders(memberId, null, null, FIRST_PAGE));
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) OrderChanged change) {
        caches.level(CacheLevel.LISTING).invalidate(key(change.memberId()));
    }
}
