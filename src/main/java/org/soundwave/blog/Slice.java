package org.soundwave.blog;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;

/** One page of a newest-first list and the cursor of the next page (null on the last one). */
public record Slice<T>(List<T> items, String nextCursor) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

}
