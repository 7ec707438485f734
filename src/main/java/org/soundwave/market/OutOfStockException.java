package org.soundwave.market;

import java.util.Map;

/** Some ordered products are not in stock in the quantities asked (product id → units left): 409. */
public class OutOfStockException extends RuntimeException {

    private final Map<Long, Integer> available;

    public OutOfStockException(Map<Long, Integer> available) {
        super("Not enough stock for " + available.size() + " of the products: nothing was reserved.");
        this.available = Map.copyOf(available);
    }

    public Map<Long, Integer> available() {
        return available;
    }
}
