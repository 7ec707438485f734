package org.soundwave.market.order;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** Where an order is. PENDING → PAID → COMPLETED, or PENDING → CANCELED; nothing else. */
public enum OrderStatus {
    PENDING, PAID, COMPLETED, CANCELED;

    /** The status of this exact name (PENDING, PAID, COMPLETED, CANCELED); empty for anything else. */
    public static Optional<OrderStatus> parse(String name) {
        return Arrays.stream(values()).filter(status -> status.name().equals(name)).findFirst();
    }

    public boolean mayBecome(OrderStatus next) {
        if (next == null) {
            return false;
        }
        return switch (this) {
            case PENDING -> Set.of(PAID, CANCELED).contains(next);
            case PAID -> next == COMPLETED;
            case COMPLETED, CANCELED -> false;
        };
    }
}
