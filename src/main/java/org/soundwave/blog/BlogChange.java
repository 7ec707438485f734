package org.soundwave.blog;

import java.util.Set;

/**
 * What a write changed, fired as a CDI event inside its transaction; {@link BlogCaches} acts on it only
 * after the transaction commits.
 */
public sealed interface BlogChange {

    /** A post was published, revised or deleted; tagIds are its tags before and after. */
    record PostChanged(long postId, long authorId, Set<Long> tagIds) implements BlogChange {
    }

    /** A comment was added to a post. */
    record CommentAdded(long postId) implements BlogChange {
    }
}
