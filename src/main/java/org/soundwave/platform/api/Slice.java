package org.soundwave.platform.api;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;

/** One page of a list walked with a keyset cursor, and the cursor of the next page (null on the last one). */
public record Slice<T>(List<T> items, String nextCursor) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

}
