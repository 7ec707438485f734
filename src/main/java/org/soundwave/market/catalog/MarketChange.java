package org.soundwave.market.catalog;

/** What a catalog write changed, fired inside its transaction; MarketCaches acts after commit. */
public sealed interface MarketChange {

    /** A product was created, changed, deactivated or reviewed (its view and every listing change). */
    record ProductChanged(long productId) implements MarketChange {
    }

    /** Stock was reserved or put back by orders. */
    record StockChanged() implements MarketChange {
    }

    /** A category was created, changed or deleted. */
    record CategoryChanged() implements MarketChange {
    }
}
