package org.soundwave.platform.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pages a node's warm-up pass follows from a page's links: posts, tags, authors, categories, products. */
class WarmUpLinksTest {

    @Test
    void followsTheMainPagesLinksAndNothingElse() {
        String html = "<a href=\"/posts/12\">a</a><a href=\"/posts/12/edit\">e</a><a href=\"/tags/synth\">t</a>"
                + "<a href=\"/authors/user0001\">u</a><a href=\"/shop/drum-machines\">c</a><a href=\"/products/7\">p</a>"
                + "<a href=\"/sign-in?next=/posts/12\">s</a><a href=\"/cart\">c</a><a href=\"https://example.com/posts/1\">x</a>";
        Set<String> found = new LinkedHashSet<>();
        WarmUp.links(html, found, 10);
        assertEquals(List.of("/posts/12", "/tags/synth", "/authors/user0001", "/shop/drum-machines", "/products/7"), List.copyOf(found));
    }

    @Test
    void eachPageAddsAtMostItsShare() {
        Set<String> found = new LinkedHashSet<>(List.of("/posts/1"));
        WarmUp.links("<a href=\"/posts/1\"></a><a href=\"/posts/2\"></a><a href=\"/posts/3\"></a><a href=\"/posts/4\"></a>", found, 2);
        assertEquals(List.of("/posts/1", "/posts/2", "/posts/3"), List.copyOf(found), "two new ones; one already there");
    }
}
