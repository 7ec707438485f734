package org.soundwave.blog.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.soundwave.platform.web.ServletFakes.forwardOf;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The blog's clean URLs and the Facelets view (with parameter) each is forwarded to. */
class BlogRoutesTest {

    private final BlogRoutes routes = new BlogRoutes();

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "/posts/new,                /post-edit.xhtml",
            "/posts/1,                  /post.xhtml?id=1",
            "/posts/42,                 /post.xhtml?id=42",
            "/posts/999999999999999999, /post.xhtml?id=999999999999999999",
            "/posts/42/edit,            /post-edit.xhtml?id=42",
            "/tags/synth,               /posts.xhtml?tag=synth",
            "/tags/Lo-Fi-2,             /posts.xhtml?tag=Lo-Fi-2",
            "/tags/a234567890123456789012345678901234567890, /posts.xhtml?tag=a234567890123456789012345678901234567890",
            "/authors/alice,            /posts.xhtml?author=alice",
            "/authors/user.name_1-x,    /posts.xhtml?author=user.name_1-x",
            "/authors/bob,              /posts.xhtml?author=bob",
            "/authors/a23456789012345678901234567890, /posts.xhtml?author=a23456789012345678901234567890",
    })
    void forwardsEachCleanUrlToItsView(String path, String view) throws Exception {
        assertEquals(Optional.of(view), forwardOf(routes, "", path));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "/", "/posts", "/posts/", "/posts/0", "/posts/042", "/posts/-1", "/posts/abc", "/posts/4 2",
            "/posts/1234567890123456789",   // 19 digits: beyond the id pattern
            "/posts/42/", "/posts/42/delete", "/posts/new/edit", "/Posts/42",
            "/tags/", "/tags/-synth", "/tags/synth%20wave", "/tags/synth/extra",
            "/tags/a2345678901234567890123456789012345678901",   // 41 characters: one more than a tag has
            "/authors/al", "/authors/a234567890123456789012345678901",   // 2 and 31 characters: a username has 3 to 30
            "/authors/alice/posts", "/authors/al ice",
            "/shop", "/products/1",
    })
    void leavesEveryOtherPathToTheRestOfTheChain(String path) throws Exception {
        assertEquals(Optional.empty(), forwardOf(routes, "", path));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "/soundwave/posts/7,      /post.xhtml?id=7",
            "/soundwave/tags/synth,   /posts.xhtml?tag=synth",
    })
    void forwardsTheSameUrlsUnderAContextPath(String uri, String view) throws Exception {
        assertEquals(Optional.of(view), forwardOf(routes, "/soundwave", uri));
    }
}
