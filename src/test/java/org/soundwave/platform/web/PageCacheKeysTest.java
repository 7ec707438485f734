package org.soundwave.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which paths the page levels keep (PageCacheFilter.matches): exact paths and one more segment after prefix/*. */
class PageCacheKeysTest {

    private static final List<String> BLOG = List.of("/", "/posts", "/posts/*", "/tags/*", "/authors/*");
    private static final List<String> SHOP = List.of("/shop", "/shop/*", "/products/*");

    @Test
    void theBlogsListsAndPostsAreKept() {
        for (String path : List.of("/", "/posts", "/posts/5000", "/tags/synth", "/authors/user0001")) {
            assertTrue(PageCacheFilter.matches(BLOG, path), path);
        }
    }

    @Test
    void deeperPathsAndOtherPagesAreNot() {
        for (String path : List.of("/posts/5000/edit", "/posts/", "/tags/", "/profile", "/cart", "/shop", "/api/posts")) {
            assertFalse(PageCacheFilter.matches(BLOG, path), path);
        }
        for (String path : List.of("/shop", "/shop/synthesizers", "/products/12")) {
            assertTrue(PageCacheFilter.matches(SHOP, path), path);
        }
        assertFalse(PageCacheFilter.matches(SHOP, "/shop/synthesizers/extra"));
        assertEquals(false, PageCacheFilter.matches(SHOP, "/products"));
    }
}
