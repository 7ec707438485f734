package org.soundwave.blog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongUnaryOperator;
import java.util.stream.Collectors;
import org.soundwave.account.User;
import org.soundwave.platform.NativeRows;
import org.soundwave.platform.api.Cursor;
import org.soundwave.platform.api.Slice;
import org.soundwave.platform.cache.SingleFlight;

/**
 * Reads posts as {@link PostView}s with a fixed number of SQL statements, whatever the page size:
 * <ol>
 * <li>the posts of the page, their author fetched in the same statement (JOIN FETCH of a to-one
 * association: one row per post, so LIMIT/OFFSET still count posts);</li>
 * <li>the tags of all those posts (one query for the page's ids; a JOIN FETCH of the to-many tags would multiply the
 * rows and make the database's LIMIT count tag rows instead of posts);</li>
 * <li>their comment counts (one GROUP BY over the comment index);</li>
 * <li>their latest three comments with authors (one LATERAL query: three index rows per post).</li>
 * </ol>
 * Entity associations are never walked lazily here; that would cost one statement per post (N+1).
 * Page numbers (for pages) add one count statement; keyset cursors (for the API) add none.
 * <p>
 * The post page reads less: {@link #head} leaves the comment count to the count cache and the latest
 * comments to the page's fragment cache ({@link #recentComments}, only when that is cold).
 * <p>
 * It reads the database only: what is cached, and when it is invalidated, is {@link BlogCaches}'s business,
 * as the market's is MarketCaches's.
 */
@ApplicationScoped
public class PostRepository {

    /** The posts a list shows: all of them, one author's or one tag's (ids resolved beforehand). */
    public record Filter(Long authorId, Long tagId) {
        public static final Filter ALL = new Filter(null, null);

        public static Filter author(long id) {
            return new Filter(id, null);
        }

        public static Filter tag(long id) {
            return new Filter(null, id);
        }
    }

    private static final String NEWEST_FIRST = " ORDER BY p.created DESC, p.id DESC";

    /**
     * The latest comments of many posts at once: for each post id, an index range scan of
     * comment_post_created_idx that stops after three rows, however many comments the post has.
     */
    private static final String RECENT_COMMENTS_SQL = """
            SELECT c.id, c.post_id, u.username, c.content, c.created
              FROM unnest(CAST(?1 AS bigint[])) AS page(post_id)
             CROSS JOIN LATERAL (SELECT id, post_id, author_id, content, created FROM comment
                                  WHERE comment.post_id = page.post_id
                                  ORDER BY created DESC, id DESC LIMIT %d) c
              JOIN app_user u ON u.id = c.author_id
             ORDER BY c.post_id, c.created DESC, c.id DESC""".formatted(PostView.RECENT_COMMENTS);

    /** The tags of many posts: the primary key of post_tag (post_id, tag_id) finds them, tag names by id. */
    private static final String TAGS_SQL = """
            SELECT pt.post_id, t.name FROM post_tag pt JOIN tag t ON t.id = pt.tag_id
             WHERE pt.post_id = ANY (CAST(?1 AS bigint[])) ORDER BY t.name""";

    /** Comment counts of many posts from the comment index alone (no post or comment rows read). */
    private static final String COUNTS_SQL = """
            SELECT post_id, count(*) FROM comment WHERE post_id = ANY (CAST(?1 AS bigint[])) GROUP BY post_id""";

    @PersistenceContext(unitName = "soundwave")
    EntityManager em;

    /** Concurrent renderings of one cold recent-comments fragment on this node share one query. */
    private final SingleFlight recentCommentLoads = new SingleFlight();

    /** Page {@code page} (from 1) of {@code size} posts, newest first. */
    public List<PostView> page(Filter filter, int page, int size) {
        return views(select(filter, null).setFirstResult((page - 1) * size).setMaxResults(size).getResultList());
    }

    /** How many posts the filter selects (for page numbers). */
    public long count(Filter filter) {
        StringBuilder jpql = new StringBuilder("SELECT COUNT(p) FROM Post p");
        where(jpql, filter, null);
        TypedQuery<Long> query = em.createQuery(jpql.toString(), Long.class);
        bind(query, filter, null);
        return query.getSingleResult();
    }

    /** Up to {@code limit} posts after the cursor (from the newest when null) and the next cursor. */
    public Slice<PostView> slice(Filter filter, Cursor after, int limit) {
        List<Post> posts = select(filter, after).setMaxResults(limit + 1).getResultList();
        boolean more = posts.size() > limit;
        List<Post> shown = more ? posts.subList(0, limit) : posts;
        Post last = shown.isEmpty() ? null : shown.get(shown.size() - 1);
        return new Slice<>(views(shown), more ? new Cursor(last.created(), last.id()).encode() : null);
    }

    /** The post with its tags, comment count and latest comments. */
    public Optional<PostView> find(long id) {
        return views(withAuthor(id)).stream().findFirst();
    }

    /**
     * The post with its tags and the given comment count (the caller's, from the count cache); no latest
     * comments (the page renders those through its fragment cache and {@link #recentComments}).
     */
    public Optional<PostView> head(long id, LongUnaryOperator commentCount) {
        return withAuthor(id).stream().findFirst().map(p -> view(p, tagsOf(List.of(p.id())).getOrDefault(p.id(), List.of()),
                commentCount.applyAsLong(p.id()), List.of()));
    }

    /** The post's comment count (from the comment index alone). */
    public long commentCount(long postId) {
        return commentCounts(List.of(postId)).getOrDefault(postId, 0L);
    }

    /** The post's latest comments; concurrent callers on this node share one query. */
    @SuppressWarnings("unchecked")
    public List<CommentView> recentComments(long postId) {
        return recentCommentLoads.run(String.valueOf(postId), List.class,
                () -> recentComments(List.of(postId)).getOrDefault(postId, List.of()));
    }

    private List<Post> withAuthor(long id) {
        return em.createQuery("SELECT p FROM Post p JOIN FETCH p.author WHERE p.id = :id", Post.class)
                .setParameter("id", id)
                .getResultList();
    }

    public boolean exists(long id) {
        return !em.createQuery("SELECT p.id FROM Post p WHERE p.id = :id", Long.class)
                .setParameter("id", id).getResultList().isEmpty();
    }

    /** The id of the account with this username (any letter case), to filter by author. */
    public Optional<Long> authorId(String username) {
        return User.byUsername(em, username).map(User::id);
    }

    private TypedQuery<Post> select(Filter filter, Cursor after) {
        StringBuilder jpql = new StringBuilder("SELECT p FROM Post p JOIN FETCH p.author");
        where(jpql, filter, after);
        jpql.append(NEWEST_FIRST);
        TypedQuery<Post> query = em.createQuery(jpql.toString(), Post.class);
        bind(query, filter, after);
        return query;
    }

    private static void where(StringBuilder jpql, Filter filter, Cursor after) {
        List<String> conditions = new ArrayList<>();
        if (filter.tagId() != null) {
            jpql.append(" JOIN p.tags t");
            conditions.add("t.id = :tag");
        }
        if (filter.authorId() != null) {
            conditions.add("p.author.id = :author");
        }
        if (after != null) {
            // (created, id) < (:created, :id), written so that "created <= :created" bounds the index scan.
            conditions.add("p.created <= :created AND (p.created < :created OR p.id < :id)");
        }
        if (!conditions.isEmpty()) {
            jpql.append(" WHERE ").append(String.join(" AND ", conditions));
        }
    }

    private static void bind(TypedQuery<?> query, Filter filter, Cursor after) {
        if (filter.tagId() != null) {
            query.setParameter("tag", filter.tagId());
        }
        if (filter.authorId() != null) {
            query.setParameter("author", filter.authorId());
        }
        if (after != null) {
            query.setParameter("created", after.created()).setParameter("id", after.id());
        }
    }

    /** Assembles the views of these posts (author already fetched) with three more statements. */
    private List<PostView> views(List<Post> posts) {
        if (posts.isEmpty()) {
            return List.of();
        }
        List<Long> ids = posts.stream().map(Post::id).toList();
        Map<Long, List<String>> tags = tagsOf(ids);
        Map<Long, Long> counts = commentCounts(ids);
        Map<Long, List<CommentView>> recent = recentComments(ids);
        return posts.stream().map(p -> view(p, tags.getOrDefault(p.id(), List.of()), counts.getOrDefault(p.id(), 0L),
                        recent.getOrDefault(p.id(), List.of())))
                .toList();
    }

    private static PostView view(Post p, List<String> tags, long commentCount, List<CommentView> recent) {
        return new PostView(p.id(), p.title(), p.content(), p.author().username(), p.created(), p.updated(), tags,
                commentCount, recent);
    }

    @SuppressWarnings("unchecked")
    private Map<Long, List<String>> tagsOf(List<Long> ids) {
        List<Object[]> rows = em.createNativeQuery(TAGS_SQL).setParameter(1, NativeRows.idArray(ids)).getResultList();
        return rows.stream().collect(Collectors.groupingBy(row -> ((Number) row[0]).longValue(),
                Collectors.mapping(row -> (String) row[1], Collectors.toList())));
    }

    /** Comment counts of these posts: one index-only scan of comment_post_created_idx per post. */
    @SuppressWarnings("unchecked")
    public Map<Long, Long> commentCounts(List<Long> ids) {
        Map<Long, Long> counts = new HashMap<>();
        List<Object[]> rows = em.createNativeQuery(COUNTS_SQL).setParameter(1, NativeRows.idArray(ids)).getResultList();
        rows.forEach(row -> counts.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue()));
        return counts;
    }

    @SuppressWarnings("unchecked")
    private Map<Long, List<CommentView>> recentComments(List<Long> ids) {
        List<Object[]> rows = em.createNativeQuery(RECENT_COMMENTS_SQL).setParameter(1, NativeRows.idArray(ids)).getResultList();
        return rows.stream().map(PostRepository::comment)
                .collect(Collectors.groupingBy(CommentView::postId, Collectors.toList()));
    }

    /** A comment from a native row (id, post_id, username, content, created). */
    static CommentView comment(Object[] row) {
        return new CommentView(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), (String) row[2],
                (String) row[3], NativeRows.timestamp(row[4]));
    }
}
