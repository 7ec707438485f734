package org.soundwave.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.soundwave.platform.web.ServletFakes.forwardOf;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.soundwave.blog.web.BlogRoutes;
import org.soundwave.market.web.MarketRoutes;

/**
 * The site's clean URLs and the Facelets view (with parameter) each is forwarded to, through the route
 * tables of the blog and the market as web.xml chains them: a path one of them forwards, the other leaves
 * alone; a path neither knows goes on down the chain (to a static file, the API or the 404 page).
 */
class SiteRoutesTest {

    private static final List<ForwardingRoutes> CHAIN = List.of(new BlogRoutes(), new MarketRoutes());

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
            "/shop,                      /shop.xhtml",
            "/shop/synthesizers,         /shop.xhtml?category=synthesizers",
            "/shop/drum-machines-2,      /shop.xhtml?category=drum-machines-2",
            "/products/12,               /product.xhtml?id=12",
            "/products/999999999999999999, /product.xhtml?id=999999999999999999",
            "/cart,                      /cart.xhtml",
            "/orders,                    /orders.xhtml",
            "/orders/7,                  /order.xhtml?id=7",
            "/admin/products/new,        /admin/product.xhtml",
            "/admin/products/3/edit,     /admin/product.xhtml?id=3",
            "/admin/categories/new,      /admin/category.xhtml",
            "/admin/categories/3/edit,   /admin/category.xhtml?id=3",
    })
    void forwardsEachCleanUrlToItsViewAlsoUnderAContextPath(String path, String view) throws Exception {
        assertEquals(Optional.of(view), forwardThroughTheChain("", path));
        assertEquals(Optional.of(view), forwardThroughTheChain("/soundwave", "/soundwave" + path));
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
            "/shop/", "/shop/Synths", "/shop/-synths", "/shop/synths-", "/shop/a--b", "/shop/a_b", "/shop/a/b",
            "/products", "/products/", "/products/0", "/products/012", "/products/new", "/products/12/edit",
            "/products/1234567890123456789",   // 19 digits: beyond the id pattern
            "/cart/", "/cart/1", "/orders/", "/orders/0", "/orders/-7", "/orders/7/cancel",
            "/admin/products", "/admin/products/3", "/admin/products/0/edit", "/admin/products/new/edit",
            "/admin/categories/x/edit", "/admin/categories/3/delete", "/admin/orders",
            "/SHOP",
    })
    void leavesEveryOtherPathToTheRestOfTheChain(String path) throws Exception {
        assertEquals(Optional.empty(), forwardThroughTheChain("", path));
    }

    /** Where the chain sends the request: at most one of its route tables forwards it. */
    private static Optional<String> forwardThroughTheChain(String contextPath, String uri) throws Exception {
        Optional<String> forward = Optional.empty();
        for (ForwardingRoutes routes : CHAIN) {
            Optional<String> byThese = forwardOf(routes, contextPath, uri);
            if (byThese.isPresent()) {
                assertEquals(Optional.empty(), forward, uri + " is forwarded by two route tables");
                forward = byThese;
            }
        }
        return forward;
    }
}
