package org.soundwave.market;

import java.util.Set;

/** Where an order is. PENDING → PAID → COMPLETED, or PENDING → CANCELED; nothing else. */
public enum OrderStatus {
    PENDING, PAID, COMPLETED, CANCELED;

    public boolean mayBecome(OrderStatus next) {
        return switch (this) {
            case PENDING -> Set.of(PAID, CANCELED).contains(next);
            case PAID -> next == COMPLETED;
            case COMPLETED, CANCELED -> false;
        };
    }
}
