package org.soundwave.blog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.soundwave.platform.cache.CacheLevel;
import org.soundwave.platform.cache.Caches;

/**
 * The blog's cache keys, and their invalidation. Invalidation runs after the write's transaction has
 * committed ({@link TransactionPhase#AFTER_SUCCESS}): invalidating earlier would let a reader put the old
 * value back before the commit; a reader who read the old value before the commit cannot store it after
 * the invalidation either, because the invalidation also cancels its lease (see SharedCache). The data
 * grid's remove is cluster-wide, so every node sees the change at once.
 * <ul>
 * <li>a comment: its post's comment count and recent-comments fragment, and the API's first pages (their
 * items carry counts and latest comments);</li>
 * <li>a post published, revised or deleted: the post counts of the lists it is in (all, its author's, its
 * tags'), its count and fragment when deleted, all list pages and API first pages (which page a post is
 * on shifts with every new post).</li>
 * </ul>
 * Anonymous list pages show comment counts that may lag a new comment by the page level's time to live;
 * members and the post page never do.
 */
@ApplicationScoped
public class BlogCaches {

    @Inject
    Caches caches;

    static String commentCountKey(long postId) {
        return "comments:" + postId;
    }

    static String postCountKey(PostRepository.Filter filter) {
        if (filter.tagId() != null) {
            return "posts:tag:" + filter.tagId();
        }
        return filter.authorId() != null ? "posts:author:" + filter.authorId() : "posts:all";
    }

    /** The o:cache key of a post's recent-comments fragment. */
    public static String recentCommentsKey(long postId) {
        return "recent-comments:" + postId;
    }

    /** The listing cache key of the API's first page of a list. */
    static String firstPageKey(PostRepository.Filter filter, int limit) {
        return postCountKey(filter) + ":limit:" + limit;
    }

    void commentAdded(@Observes(during = TransactionPhase.AFTER_SUCCESS) BlogChange.CommentAdded change) {
        caches.level(CacheLevel.COUNT).invalidate(commentCountKey(change.postId()));
        caches.level(CacheLevel.FRAGMENT).invalidate(recentCommentsKey(change.postId()));
        caches.level(CacheLevel.LISTING).clear();
    }

    void postChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) BlogChange.PostChanged change) {
        var counts = caches.level(CacheLevel.COUNT);
        counts.invalidate(postCountKey(PostRepository.Filter.ALL));
        counts.invalidate(postCountKey(PostRepository.Filter.author(change.authorId())));
        change.tagIds().forEach(tag -> counts.invalidate(postCountKey(PostRepository.Filter.tag(tag))));
        counts.invalidate(commentCountKey(change.postId()));
        caches.level(CacheLevel.FRAGMENT).invalidate(recentCommentsKey(change.postId()));
        caches.level(CacheLevel.PAGE).clear();
        caches.level(CacheLevel.LISTING).clear();
    }
}
