package org.soundwave.market.order;

import java.io.Serial;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;

/** An order as its member (or an administrator) sees it; amounts are strings with two decimals. */
public record OrderView(long id, String member, String status, String total, String cancelReason, List<Line> items,
                        OffsetDateTime created, OffsetDateTime updated) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** One product of the order, at the price it had when the order was placed. */
    public record Line(long productId, String name, int quantity, String unitPrice, String lineTotal) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
    }
}
