package org.soundwave.market;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.soundwave.market.catalog.Product;

/**
 * A visitor's cart, kept in the replicated session (so a node dying does not empty it) and merged into
 * the member's cart at sign-in. Immutable: every change is a new value set back into the session, which
 * is what makes the session replicate it.
 */
public final class VisitorCart implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public static final String SESSION_KEY = "soundwave.visitorCart";

    private final LinkedHashMap<Long, Integer> quantities;

    private VisitorCart(Map<Long, Integer> quantities) {
        this.quantities = new LinkedHashMap<>(quantities);
    }

    public static VisitorCart empty() {
        return new VisitorCart(Map.of());
    }

    /** Product id → quantity, in the order first added. */
    public Map<Long, Integer> quantities() {
        return Collections.unmodifiableMap(quantities);
    }

    public VisitorCart with(long productId, int quantity) {
        LinkedHashMap<Long, Integer> next = new LinkedHashMap<>(quantities);
        next.put(productId, quantity);
        return new VisitorCart(next);
    }

    public VisitorCart without(long productId) {
        LinkedHashMap<Long, Integer> next = new LinkedHashMap<>(quantities);
        next.remove(productId);
        return new VisitorCart(next);
    }

    public boolean isEmpty() {
        return quantities.isEmpty();
    }
}
