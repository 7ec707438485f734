package org.soundwave.blog.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.soundwave.platform.StandardDataset.longs;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.soundwave.platform.StandardDataset;
import org.soundwave.platform.TestCluster;

/** The blog's pages over HTTP: clean URLs, the right posts on each page, stateless views, 404s. */
class BlogPagesIT {

    private static final Pattern ARTICLE = Pattern.compile("<article class=\"post-summary\" id=\"post-(\\d+)\"");

    private static TestCluster cluster;

    @BeforeAll
    static void seed() {
        cluster = StandardDataset.cluster();
    }

    private static List<Long> postsOn(HttpResponse<String> page) {
        Matcher m = ARTICLE.matcher(page.body());
        return m.results().map(r -> Long.parseLong(r.group(1))).toList();
    }

    private static HttpResponse<String> page(String path) {
        HttpResponse<String> response = cluster.get(cluster.url(path));
        assertEquals(200, response.statusCode(), path);
        return response;
    }

    @Test
    void listPagesShowTenPostsNewestFirstPagedByNumber() {
        String newest = "SELECT id FROM post ORDER BY created DESC, id DESC LIMIT 10 OFFSET ";
        assertEquals(longs(cluster, newest + 0), postsOn(page("/")));
        assertEquals(longs(cluster, newest + 0), postsOn(page("/posts")));
        assertEquals(longs(cluster, newest + 20), postsOn(page("/posts?page=3")));
        long pages = (StandardDataset.single(cluster, "SELECT count(*) FROM post") + 9) / 10;
        assertTrue(page("/posts?page=2").body().contains("Page 2 of " + pages));
        assertTrue(page("/posts?page=2").body().contains("href=\"/posts?page=3\""), "link to the next page");
        for (String missing : List.of("/posts?page=" + (pages + 1), "/posts?page=0", "/posts?page=x", "/posts/987654321",
                "/posts/0", "/tags/no-such-tag", "/authors/nobody-here", "/posts/1?page=999")) {
            HttpResponse<String> response = cluster.get(cluster.url(missing));
            assertEquals(404, response.statusCode(), missing);
            assertTrue(response.body().contains("Page not found"), missing + " shows the readable page");
        }
    }

    @Test
    void tagAndAuthorPagesShowOnlyTheirPosts() {
        assertEquals(longs(cluster, "SELECT p.id FROM post p JOIN post_tag pt ON pt.post_id = p.id JOIN tag t ON t.id = pt.tag_id"
                + " WHERE t.name = 'tag005' ORDER BY p.created DESC, p.id DESC LIMIT 10"), postsOn(page("/tags/tag005")));
        HttpResponse<String> author = page("/authors/user0002");
        assertEquals(longs(cluster, "SELECT p.id FROM post p JOIN app_user u ON u.id = p.author_id WHERE u.username = 'user0002'"
                + " ORDER BY p.created DESC, p.id DESC LIMIT 10"), postsOn(author));
        assertTrue(author.body().contains("Posts by user0002"));
    }

    @Test
    void anonymousListAndPostPagesAreStatelessViewsWithoutSessions() {
        for (String path : List.of("/", "/posts", "/posts?page=2", "/tags/tag001", "/authors/user0001", "/posts/" + StandardDataset.POSTS)) {
            HttpResponse<String> response = page(path);
            assertFalse(response.body().contains("jakarta.faces.ViewState"), path + " holds no view state");
            assertTrue(response.headers().allValues("Set-Cookie").isEmpty(), path + " starts no session");
        }
    }

    @Test
    void aPostPageShowsTagsCountRecentCommentsAndAllCommentsPaged() {
        long id = StandardDataset.POSTS / 3;
        String body = page("/posts/" + id).body();
        long comments = StandardDataset.single(cluster, "SELECT count(*) FROM comment WHERE post_id = ?", id);
        assertTrue(body.contains("<span id=\"comment-count\">" + comments + "</span>"), "count");
        for (long tag : longs(cluster, "SELECT tag_id FROM post_tag WHERE post_id = ?", id)) {
            assertTrue(body.contains(String.format("href=\"/tags/tag%03d\"", tag)), "tag " + tag + " linked");
        }
        String recent = body.substring(body.indexOf("id=\"recent-comments\""), body.indexOf("id=\"comments\""));
        for (long c : longs(cluster, "SELECT j FROM (SELECT id - (post_id - 1) * ? AS j, created FROM comment WHERE post_id = ?) x"
                + " ORDER BY created DESC LIMIT 3", StandardDataset.COMMENTS_PER_POST, id)) {
            assertTrue(recent.contains("Comment " + c + " on post " + id + ":"), "recent comment " + c);
        }
        assertTrue(body.contains("Sign in</a> to comment"), "visitors are invited to sign in");
    }
}
