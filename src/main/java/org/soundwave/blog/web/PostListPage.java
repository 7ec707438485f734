package org.soundwave.blog.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.soundwave.blog.BlogCaches;
import org.soundwave.blog.PostRepository;
import org.soundwave.blog.PostRepository.Filter;
import org.soundwave.blog.PostView;
import org.soundwave.blog.TagRepository;
import org.soundwave.platform.web.Pages;

/**
 * The newest-first post lists: / and /posts (all posts), /tags/{name}, /authors/{username}; ten per
 * page, ?page=N. A stateless view: nothing here depends on who reads it.
 */
@Named
@RequestScoped
public class PostListPage {

    public static final int PAGE_SIZE = 10;

    @Inject
    PostRepository posts;

    @Inject
    BlogCaches caches;

    @Inject
    TagRepository tags;

    private String tag;
    private String author;
    private int page = 1;
    private long pageCount;
    private List<PostView> items = List.of();

    /** Runs before rendering: unknown tag or author, or a page beyond the last → 404. */
    public void load() {
        tag = Pages.parameter("tag");
        author = Pages.parameter("author");
        OptionalInt requested = Pages.positive(Pages.parameter("page"));
        if (requested.isPresent() && requested.getAsInt() < 0) {
            Pages.notFound("There is no such page.");
            return;
        }
        page = requested.orElse(1);
        Optional<Filter> filter = filter();
        if (filter.isEmpty()) {
            Pages.notFound(tag != null ? "There is no tag " + tag + "." : "There is no member " + author + ".");
            return;
        }
        long total = caches.postCount(filter.get());
        pageCount = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        if (page > pageCount) {
            Pages.notFound("There is no page " + page + " of this list.");
            return;
        }
        items = posts.page(filter.get(), page, PAGE_SIZE);
    }

    private Optional<Filter> filter() {
        if (tag != null) {
            return tags.byName(tag).map(t -> Filter.tag(t.id()));
        }
        if (author != null) {
            return posts.authorId(author).map(Filter::author);
        }
        return Optional.of(Filter.ALL);
    }

    public String getHeading() {
        if (tag != null) {
            return "Posts tagged " + tag.toLowerCase(java.util.Locale.ROOT);
        }
        return author != null ? "Posts by " + author : "Latest posts";
    }

    /** The clean URL of page n of this list. */
    public String pageUrl(int n) {
        String base = tag != null ? "/tags/" + tag : author != null ? "/authors/" + author : "/posts";
        return n == 1 ? base : base + "?page=" + n;
    }

    public List<PostView> getItems() {
        return items;
    }

    public int getPage() {
        return page;
    }

    public long getPageCount() {
        return pageCount;
    }

    public boolean isFirst() {
        return page <= 1;
    }

    public boolean isLast() {
        return page >= pageCount;
    }
}
