package org.soundwave.market.catalog;

import java.io.Serial;
import java.io.Serializable;

/** A category as pages and the API show it, with how many active products it has. */
public record CategoryView(long id, String name, String slug, String description, String imageUrl, long productCount)
        implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
}
