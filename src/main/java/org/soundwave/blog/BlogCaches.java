package org.soundwave.blog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.soundwave.platform.api.CachedJson;
import org.soundwave.platform.cache.CacheLevel;
import org.soundwave.platform.cache.Caches;

/**
 * The blog's caches, as MarketCaches is the market's: cache-aside reads in front of {@link PostRepository}
 * (which reads the database only), the keys (the page beans' fragment keys too), and invalidation.
 * <p>
 * Invalidation Invalidation runs after the write's transaction has
 * committed ({@link TransactionPhase#AFTER_SUCCESS}): invalidating earlier would let a reader put the old
 * value back before the commit; a reader who read the old value before the commit cannot store it after
 * the invalidation either, because the invalidation also cancels its lease (see SharedCache). The data
 * grid's remove is cluster-wide, so every node sees the change at once.
 * <ul>
 * <li>a comment: its post's comment count, recent-comments fragment, comment-page fragments and pages
 * (every comment page shifts), and the listing level: the API's first pages and posts and the post pages'
 * heads (they carry counts and latest comments);</li>
 * <li>a post published, revised or deleted: the post counts of the lists it is in (all, its author's, its
 * tags'), its count, its article and recent-comments fragments, all blog pages and the listing level
 * (which page a post is on shifts with every new post).</li>
 * </ul>
 * Anonymous list pages show comment counts that may lag a new comment by the page level's time to live;
 * members and the post page never do.
 */
@ApplicationScoped
public class BlogCaches {

    /** Comments per page of a post page (/posts/{id}?page=N). */
    public static final int COMMENTS_PER_PAGE = 20;

    @Inject
    Caches caches;

    @Inject
    PostRepository posts;

    /** How many posts the filter selects (for page numbers), from the count level. */
    public long postCount(PostRepository.Filter filter) {
        return caches.level(CacheLevel.COUNT).get(postCountKey(filter), Long.class, () -> posts.count(filter));
    }

    /** The post's comment count, from the count level (invalidated after each new comment commits). */
    public long commentCount(long postId) {
        return caches.level(CacheLevel.COUNT).get(commentCountKey(postId), Long.class, () -> posts.commentCount(postId));
    }

    /** A post page's head: the post with its tags and cached comment count, from the listing level. */
    public Optional<PostView> head(long id) {
        return Optional.ofNullable(caches.level(CacheLevel.LISTING).get(headKey(id), PostView.class,
                () -> posts.head(id, this::commentCount).orElse(null)));
    }

    /** The API's first page of a list (no cursor) as JSON, from the listing level. */
    public byte[] firstSliceJson(PostRepository.Filter filter, int limit) {
        return caches.level(CacheLevel.LISTING).get(firstPageKey(filter, limit), byte[].class,
                () -> CachedJson.of(posts.slice(filter, null, limit)));
    }

    /** The API's view of a post as JSON, from the listing level; empty if there is no such post. */
    public Optional<byte[]> postJson(long id) {
        return Optional.ofNullable(caches.level(CacheLevel.LISTING).get(postKey(id), byte[].class,
                () -> posts.find(id).map(CachedJson::of).orElse(null)));
    }

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

    /** The o:cache key of a post's rendered article (title, meta, tags, text). */
    public static String articleKey(long postId) {
        return "article:" + postId;
    }

    /** The o:cache key of a rendered page of a post's comments. */
    public static String commentsKey(long postId, int page) {
        return "comments:" + postId + ":" + page;
    }

    /** The listing cache key of a post page's head (the post with its tags and comment count). */
    static String headKey(long postId) {
        return "head:" + postId;
    }

    /** The listing cache key of the API's view of a post (GET /api/posts/{id}). */
    static String postKey(long postId) {
        return "post:" + postId;
    }

    /** The listing cache key of the API's first page of a list. */
    static String firstPageKey(PostRepository.Filter filter, int limit) {
        return postCountKey(filter) + ":limit:" + limit;
    }

    /** How many pages of comments a post with this many comments has (at least one). */
    public static long commentPages(long commentCount) {
        return Math.max(1, (commentCount + COMMENTS_PER_PAGE - 1) / COMMENTS_PER_PAGE);
    }

    /**
     * The page cache's keys of a post's pages: the bare URL and each comment page's {@code ?page=N} (see
     * PageCacheFilter's keys).
     */
    static List<String> postPageKeys(long postId, long pages) {
        List<String> keys = new ArrayList<>();
        keys.add("/posts/" + postId);
        for (long page = 1; page <= pages; page++) {
            keys.add("/posts/" + postId + "?page=" + page);
        }
        return keys;
    }

    void commentAdded(@Observes(during = TransactionPhase.AFTER_SUCCESS) BlogChange.CommentAdded change) {
        long post = change.postId();
        var fragments = caches.level(CacheLevel.FRAGMENT);
        caches.level(CacheLevel.COUNT).invalidate(commentCountKey(post));
        fragments.invalidate(recentCommentsKey(post));
        caches.level(CacheLevel.LISTING).clear();
        // Counted after the commit, so the new comment's last page is among them; every page shifts.
        long pages = commentPages(commentCount(post));
        postPageKeys(post, pages).forEach(caches.level(CacheLevel.PAGE)::invalidate);
        for (int page = 1; page <= pages; page++) {
            fragments.invalidate(commentsKey(post, page));
        }
    }

    void postChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) BlogChange.PostChanged change) {
        var counts = caches.level(CacheLevel.COUNT);
        counts.invalidate(postCountKey(PostRepository.Filter.ALL));
        counts.invalidate(postCountKey(PostRepository.Filter.author(change.authorId())));
        change.tagIds().forEach(tag -> counts.invalidate(postCountKey(PostRepository.Filter.tag(tag))));
        counts.invalidate(commentCountKey(change.postId()));
        caches.level(CacheLevel.FRAGMENT).invalidate(recentCommentsKey(change.postId()));
        caches.level(CacheLevel.FRAGMENT).invalidate(articleKey(change.postId()));
        caches.level(CacheLevel.PAGE).clear();
        caches.level(CacheLevel.LISTING).clear();
    }
}
