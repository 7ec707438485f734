package org.soundwave.market.order;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.soundwave.platform.DomainException;

/** Some ordered products are not in stock in the quantities asked (product id → units left): 409. */
public class OutOfStockException extends DomainException {

    private final Map<Long, Integer> available;

    public OutOfStockException(Map<Long, Integer> available) {
        super(409, "out-of-stock", "Not enough stock for " + available.size() + " of the products: nothing was reserved.");
        this.available = Collections.unmodifiableMap(new TreeMap<>(available));   // by product id
    }

    public Map<Long, Integer> available() {
        return available;
    }

    @Override
    public Map<String, String> fieldErrors() {
        Map<String, String> errors = new LinkedHashMap<>();
        available.forEach((product, left) -> errors.put("items." + product, "only " + left + " left"));
        return errors;
    }
}
