package org.soundwave.blog;

import java.util.List;

/** One page of a newest-first list and the cursor of the next page (null on the last one). */
public record Slice<T>(List<T> items, String nextCursor) {
}
