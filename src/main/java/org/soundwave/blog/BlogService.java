package org.soundwave.blog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.soundwave.account.CurrentMember;
import org.soundwave.account.User;

/** Publishing, revising and deleting posts, and commenting on them. Reading goes through the repositories. */
@ApplicationScoped
public class BlogService {

    @PersistenceContext(unitName = "soundwave")
    EntityManager em;

    @Inject
    PostRepository posts;

    /** Observed after commit by BlogCaches. */
    @Inject
    Event<BlogChange> changes;

    /** Who makes this request (token or signed-in session), looked up once per request. */
    @Inject
    CurrentMember current;

    /** The signed-in member as the blog needs it; empty for a visitor. */
    public Optional<Caller> caller() {
        return current.get().map(member -> new Caller(member.id(), member.admin()));
    }

    /** Publishes a post by the caller; returns its id. */
    @Transactional
    public long publish(Caller author, PostForm form) {
        Post post = new Post(em.find(User.class, author.userId()), form.getTitle().strip(), form.getContent().strip(),
                tags(form.normalizedTags()));
        em.persist(post);
        em.flush();
        changes.fire(new BlogChange.PostChanged(post.id(), author.userId(), post.tagIds()));
        return post.id();
    }

    @Transactional
    public void revise(long postId, Caller caller, PostForm form) {
        Post post = editable(postId, caller);
        Set<Long> touched = new HashSet<>(post.tagIds());
        post.edit(form.getTitle().strip(), form.getContent().strip(), tags(form.normalizedTags()));
        touched.addAll(post.tagIds());
        changes.fire(new BlogChange.PostChanged(postId, post.author().id(), touched));
    }

    @Transactional
    public void delete(long postId, Caller caller) {
        Post post = editable(postId, caller);
        changes.fire(new BlogChange.PostChanged(postId, post.author().id(), post.tagIds()));
        em.remove(post);
    }

    /** Adds the caller's comment to the post. */
    @Transactional
    public CommentView comment(long postId, Caller author, CommentForm form) {
        Post post = em.find(Post.class, postId);
        if (post == null) {
            throw new NoSuchPostException(postId);
        }
        Comment comment = new Comment(post, em.find(User.class, author.userId()), form.getContent().strip());
        em.persist(comment);
        em.flush();
        changes.fire(new BlogChange.CommentAdded(postId));
        return CommentRepository.view(comment, postId);
    }

    /** Whether the caller may revise or delete the post: its author or an administrator. */
    public boolean mayEdit(PostView post, String username, boolean admin) {
        return admin || post.author().equalsIgnoreCase(username);
    }

    private Post editable(long postId, Caller caller) {
        Post post = em.find(Post.class, postId);
        if (post == null) {
            throw new NoSuchPostException(postId);
        }
        if (!caller.admin() && post.author().id() != caller.userId()) {
            throw new NotAllowedException("Only the author of post " + postId + " or an administrator may change it.");
        }
        return post;
    }

    /**
     * The tags with these names, created if new. INSERT ... ON CONFLICT DO NOTHING makes two members
     * introducing the same tag at once both succeed with one row.
     */
    private Set<Tag> tags(List<String> names) {
        if (names.isEmpty()) {
            return Set.of();
        }
        // Names match Tag.NAME (letters, digits, dashes), so they are safe inside an array literal.
        em.createNativeQuery("INSERT INTO tag (name) SELECT unnest(CAST(?1 AS varchar[])) ON CONFLICT (name) DO NOTHING")
                .setParameter(1, "{" + String.join(",", names) + "}")
                .executeUpdate();
        return new HashSet<>(em.createNamedQuery("Tag.byNames", Tag.class).setParameter("names", names).getResultList());
    }
}
