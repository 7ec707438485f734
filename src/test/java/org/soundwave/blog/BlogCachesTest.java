package org.soundwave.blog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The keys a new comment removes: every page of its post's comments, as many as its count makes. */
class BlogCachesTest {

    @Test
    void commentPagesAreTwentyCommentsEachAndAtLeastOne() {
        assertEquals(1, BlogCaches.commentPages(0));
        assertEquals(1, BlogCaches.commentPages(20));
        assertEquals(2, BlogCaches.commentPages(21));
        assertEquals(50, BlogCaches.commentPages(1000));
    }

    @Test
    void aPostsPageKeysAreItsBareUrlAndEachCommentPage() {
        assertEquals(List.of("/posts/7", "/posts/7?page=1", "/posts/7?page=2"), BlogCaches.postPageKeys(7, 2));
        assertEquals(List.of("/posts/7", "/posts/7?page=1"), BlogCaches.postPageKeys(7, BlogCaches.commentPages(0)));
    }
}
