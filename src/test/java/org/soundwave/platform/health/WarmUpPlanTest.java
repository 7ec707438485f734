package org.soundwave.platform.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * A node's warm-up pass: the pages it follows from a page's links (posts, tags, authors, categories,
 * products), and which of its requests render their page past the page cache.
 */
class WarmUpPlanTest {

    @Test
    void followsTheMainPagesLinksAndNothingElse() {
        String html = "<a href=\"/posts/12\">a</a><a href=\"/posts/12/edit\">e</a><a href=\"/tags/synth\">t</a>"
                + "<a href=\"/authors/user0001\">u</a><a href=\"/shop/drum-machines\">c</a><a href=\"/products/7\">p</a>"
                + "<a href=\"/sign-in?next=/posts/12\">s</a><a href=\"/cart\">c</a><a href=\"https://example.com/posts/1\">x</a>";
        Set<String> found = new LinkedHashSet<>();
        WarmUpPlan.links(html, found, 10);
        assertEquals(List.of("/posts/12", "/tags/synth", "/authors/user0001", "/shop/drum-machines", "/products/7"), List.copyOf(found));
    }

    @Test
    void eachPageAddsAtMostItsShare() {
        Set<String> found = new LinkedHashSet<>(List.of("/posts/1"));
        WarmUpPlan.links("<a href=\"/posts/1\"></a><a href=\"/posts/2\"></a><a href=\"/posts/3\"></a><a href=\"/posts/4\"></a>", found, 2);
        assertEquals(List.of("/posts/1", "/posts/2", "/posts/3"), List.copyOf(found), "two new ones; one already there");
    }

    @Test
    void everyPathIsRenderedAndOneRequestInFourRendersWhenThePathsAreAMultipleOfFour() {
        int paths = 60;
        WarmUpPlan plan = new WarmUpPlan(paths(paths), 4);
        Set<Integer> rendered = new HashSet<>();
        int renderings = 0;
        for (long n = 0; n < 4L * paths; n++) {
            if (plan.renders(n)) {
                rendered.add((int) (n % paths));
                renderings++;
            }
        }
        assertEquals(paths, rendered.size(), "every path rendered within four rounds");
        assertEquals(paths, renderings, "one request in four");
    }

    @Test
    void renderingEveryRequestOrOneInSeventeen() {
        WarmUpPlan everyRequest = new WarmUpPlan(paths(7), 1);
        assertTrue(LongStream.range(0, 100).allMatch(everyRequest::renders));
        WarmUpPlan oneInSeventeen = new WarmUpPlan(paths(100), 17);
        assertEquals(100 / 17 + 1, LongStream.range(0, 100).filter(oneInSeventeen::renders).count());
    }

    @Test
    void requestsThePathsInTurnAndSignsOutOnAProductPage() {
        WarmUpPlan plan = new WarmUpPlan(List.of("/", "/posts/3", "/products/7", "/products/8"), 4);
        assertEquals(List.of("/", "/posts/3", "/products/7", "/products/8", "/", "/posts/3"),
                LongStream.range(0, 6).mapToObj(plan::path).toList());
        assertEquals(Optional.of("/products/7"), plan.productPage());
        assertEquals(Optional.empty(), new WarmUpPlan(List.of("/"), 4).productPage(), "no product: no sign-out form to use");
    }

    @Test
    void refusesAPlanWithoutPathsOrWithoutRenderings() {
        assertThrows(IllegalArgumentException.class, () -> new WarmUpPlan(List.of(), 4));
        assertThrows(IllegalArgumentException.class, () -> new WarmUpPlan(List.of("/"), 0));
    }

    private static List<String> paths(int count) {
        return IntStream.range(0, count).mapToObj(i -> "/posts/" + i).toList();
    }
}
