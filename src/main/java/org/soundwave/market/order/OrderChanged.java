package org.soundwave.market.order;

/** An order was placed or moved on (fired inside its transaction; acted on after commit). */
public record OrderChanged(long orderId, long memberId) {
}
