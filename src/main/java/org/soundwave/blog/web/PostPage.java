package org.soundwave.blog.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.soundwave.blog.BlogCaches;
import org.soundwave.blog.BlogService;
import org.soundwave.blog.Caller;
import org.soundwave.blog.CommentForm;
import org.soundwave.blog.CommentRepository;
import org.soundwave.blog.CommentView;
import org.soundwave.blog.NoSuchPostException;
import org.soundwave.blog.PostRepository;
import org.soundwave.blog.PostView;
import org.soundwave.platform.web.Pages;

/**
 * /posts/{id}: the post, its tags, comment count, latest comments, every comment (20 per page,
 * ?page=N) and, for members, a comment form (and the Edit link for its author or an administrator): the
 * page's {@code <sw:personal>} sections, so the page cache serves members too (platform/web/PageTemplate).
 * A stateless view: the form posts back to the same URL, protected by the session cookie's SameSite=Lax
 * and the form token, and a new comment redirects (post/redirect/get).
 */
@Named
@RequestScoped
public class PostPage {

    @Inject
    PostRepository posts;

    @Inject
    BlogCaches caches;

    @Inject
    CommentRepository comments;

    @Inject
    BlogService blog;

    private boolean loaded;
    private PostView post;
    private int page = 1;
    private long pageCount = 1;
    private List<CommentView> pageOfComments;
    private List<CommentView> recentComments;
    private final CommentForm comment = new CommentForm();

    /**
     * Before rendering (preRenderView: also after a postback that failed validation) and before adding a
     * comment; once per request. No such post or comment page → 404.
     */
    public void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        OptionalInt id = Pages.positive(Pages.parameter("id"));
        OptionalInt requested = Pages.positive(Pages.parameter("page"));
        if (id.isEmpty() || id.getAsInt() < 0 || (requested.isPresent() && requested.getAsInt() < 0)) {
            Pages.notFound("There is no such post.");
            return;
        }
        Optional<PostView> found = caches.head(id.getAsInt());
        if (found.isEmpty()) {
            Pages.notFound("There is no post " + id.getAsInt() + ".");
            return;
        }
        post = found.get();
        page = requested.orElse(1);
        pageCount = BlogCaches.commentPages(post.commentCount());
        if (page > pageCount) {
            Pages.notFound("There is no page " + page + " of these comments.");
        }
    }

    /** Adds the member's comment, then shows the post again with it. */
    public void addComment() {
        load();
        if (post == null) {
            return;
        }
        Optional<Caller> caller = caller();
        if (caller.isEmpty()) {
            Pages.signInFirst(getUrl());
            return;
        }
        try {
            blog.comment(post.id(), caller.get(), comment);
        } catch (NoSuchPostException gone) {
            FacesContext.getCurrentInstance().addMessage(null,
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, "This post has just been deleted.", null));
            return;
        }
        Pages.redirect(getUrl() + "#comments");
    }

    private Optional<Caller> caller() {
        return blog.caller();
    }

    public String getUrl() {
        return "/posts/" + getPost().id();
    }

    public String pageUrl(int n) {
        return n == 1 ? getUrl() + "#comments" : getUrl() + "?page=" + n + "#comments";
    }

    /** The content's paragraphs (blank-line separated), each rendered escaped. */
    public List<String> getParagraphs() {
        return List.of(post.content().split("\\R\\s*\\R"));
    }

    /** Loads on first use: on a postback, JSF evaluates the page's expressions before preRenderView. */
    public PostView getPost() {
        load();
        return post;
    }

    /** The page's meta description: the post's opening words. */
    public String getDescription() {
        PostView shown = getPost();
        return shown == null ? "" : Pages.summary(shown.content(), 155);
    }

    /** The latest comments: read only when the page's recent-comments fragment is not in the cache. */
    public List<CommentView> getRecentComments() {
        if (recentComments == null) {
            recentComments = posts.recentComments(getPost().id());
        }
        return recentComments;
    }

    /** The fragment cache key of the recent comments box (removed when a comment is added). */
    public String getRecentCommentsKey() {
        return BlogCaches.recentCommentsKey(getPost().id());
    }

    /** This page of comments: read only when the page's comments fragment is not in the cache. */
    public List<CommentView> getComments() {
        load();
        if (pageOfComments == null) {
            pageOfComments = post == null ? List.of() : comments.page(post.id(), page, BlogCaches.COMMENTS_PER_PAGE);
        }
        return pageOfComments;
    }

    /** The fragment cache key of the post's rendered article (removed when the post changes). */
    public String getArticleKey() {
        return BlogCaches.articleKey(getPost().id());
    }

    /** The fragment cache key of this page of comments (removed when a comment is added). */
    public String getCommentsKey() {
        return BlogCaches.commentsKey(getPost().id(), page);
    }

    public CommentForm getComment() {
        return comment;
    }

    public int getPage() {
        return page;
    }

    public long getPageCount() {
        return pageCount;
    }

    public int getMaxCommentLength() {
        return CommentForm.MAX_LENGTH;
    }
}
