package org.soundwave.market.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.soundwave.platform.web.ServletFakes.forwardOf;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The market's clean URLs and the Facelets view (with parameter) each is forwarded to. */
class MarketRoutesTest {

    private final MarketRoutes routes = new MarketRoutes();

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
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
    void forwardsEachCleanUrlToItsView(String path, String view) throws Exception {
        assertEquals(Optional.of(view), forwardOf(routes, "", path));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "/", "/shop/", "/shop/Synths", "/shop/-synths", "/shop/synths-", "/shop/a--b", "/shop/a_b", "/shop/a/b",
            "/products", "/products/", "/products/0", "/products/012", "/products/new", "/products/12/edit",
            "/products/1234567890123456789",   // 19 digits: beyond the id pattern
            "/cart/", "/cart/1", "/orders/", "/orders/0", "/orders/-7", "/orders/7/cancel",
            "/admin/products", "/admin/products/3", "/admin/products/0/edit", "/admin/products/new/edit",
            "/admin/categories/x/edit", "/admin/categories/3/delete", "/admin/orders",
            "/posts/1", "/SHOP",
    })
    void leavesEveryOtherPathToTheRestOfTheChain(String path) throws Exception {
        assertEquals(Optional.empty(), forwardOf(routes, "", path));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "/soundwave/shop,               /shop.xhtml",
            "/soundwave/products/5,         /product.xhtml?id=5",
    })
    void forwardsTheSameUrlsUnderAContextPath(String uri, String view) throws Exception {
        assertEquals(Optional.of(view), forwardOf(routes, "/soundwave", uri));
    }
}
