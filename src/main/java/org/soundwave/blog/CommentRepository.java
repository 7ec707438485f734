package org.soundwave.blog;

import org.soundwave.platform.api.Cursor;
import org.soundwave.platform.api.Slice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;

/** A post's comments, newest first, with their authors: one statement per page (comment_post_created_idx). */
@ApplicationScoped
public class CommentRepository {

    @PersistenceContext(unitName = "soundwave")
    EntityManager em;

    /** Page {@code page} (from 1) of {@code size} comments. */
    public List<CommentView> page(long postId, int page, int size) {
        return views(select(postId, null).setFirstResult((page - 1) * size).setMaxResults(size).getResultList(), postId);
    }

    /** Up to {@code limit} comments after the cursor (from the newest when null) and the next cursor. */
    public Slice<CommentView> slice(long postId, Cursor after, int limit) {
        List<Comment> comments = select(postId, after).setMaxResults(limit + 1).getResultList();
        boolean more = comments.size() > limit;
        List<Comment> shown = more ? comments.subList(0, limit) : comments;
        Comment last = shown.isEmpty() ? null : shown.get(shown.size() - 1);
        return new Slice<>(views(shown, postId), more ? new Cursor(last.created(), last.id()).encode() : null);
    }

    private TypedQuery<Comment> select(long postId, Cursor after) {
        String keyset = after == null ? "" : " AND c.created <= :created AND (c.created < :created OR c.id < :id)";
        TypedQuery<Comment> query = em.createQuery("SELECT c FROM Comment c JOIN FETCH c.author WHERE c.post.id = :post"
                        + keyset + " ORDER BY c.created DESC, c.id DESC", Comment.class)
                .setParameter("post", postId);
        if (after != null) {
            query.setParameter("created", after.created()).setParameter("id", after.id());
        }
        return query;
    }

    static CommentView view(Comment c, long postId) {
        return new CommentView(c.id(), postId, c.author().username(), c.content(), c.created());
    }

    /** Never through c.post(): touching the lazy post would load it, one statement per comment. */
    private static List<CommentView> views(List<Comment> comments, long postId) {
        return comments.stream().map(c -> view(c, postId)).toList();
    }
}
