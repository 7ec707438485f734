package org.soundwave.market.catalog;

import java.io.Serial;
import java.io.Serializable;
import java.math.BigDecimal;

/**
 * A product as pages and the API show it. The price is a string with two decimals; the stock is what it
 * was when read (at most a cache's time to live old): buying decides against the database.
 */
public record ProductView(long id, String category, String categoryName, String name, String description, String price,
                          int stock, String stockState, String imageUrl, boolean active, String averageRating,
                          long reviewCount) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public static final int LOW_STOCK = 5;

    /** "in stock", "only N left" or "out of stock". */
    static String stockState(int stock) {
        return stock == 0 ? "out of stock" : stock <= LOW_STOCK ? "only " + stock + " left" : "in stock";
    }

    public static String money(BigDecimal amount) {
        return amount.setScale(2).toPlainString();
    }
}
