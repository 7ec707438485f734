package org.soundwave.market.catalog;

import java.io.Serial;
import java.io.Serializable;
import java.time.OffsetDateTime;

/** One member's review of a product. */
public record ReviewView(long id, long productId, String author, int rating, String content, OffsetDateTime created)
        implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
}
