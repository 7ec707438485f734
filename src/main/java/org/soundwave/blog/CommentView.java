package org.soundwave.blog;

import java.io.Serial;
import java.io.Serializable;
import java.time.OffsetDateTime;

/** A comment as pages and the API show it. */
public record CommentView(long id, long postId, String author, String content, OffsetDateTime created)
        implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
}
