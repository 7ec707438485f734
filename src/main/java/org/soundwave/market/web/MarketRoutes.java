package org.soundwave.market.web;

import jakarta.servlet.annotation.WebFilter;
import java.util.List;
import java.util.regex.Pattern;
import org.soundwave.market.catalog.CategoryForm;
import org.soundwave.platform.web.ForwardingRoutes;

/**
 * The market's clean URLs: /shop (categories and search), /shop/{slug} (a category's products),
 * /products/{id}, /cart, /orders, /orders/{id}, and the administrators' /admin/products/new, /admin/products/{id}/edit,
 * /admin/categories/new, /admin/categories/{id}/edit, forwarded to their Facelets views (like the blog's
 * routes; mapped after every other filter in web.xml; /admin/* is for administrators only, see web.xml).
 */
@WebFilter(filterName = "marketRoutes")
public class MarketRoutes extends ForwardingRoutes {

    private static final List<Route> ROUTES = List.of(
            new Route(Pattern.compile("/shop"), "/shop.xhtml", null),
            new Route(Pattern.compile("/shop/(" + CategoryForm.SLUG + ")"), "/shop.xhtml", "category"),
            new Route(Pattern.compile("/products/([1-9][0-9]{0,17})"), "/product.xhtml", "id"),
            new Route(Pattern.compile("/cart"), "/cart.xhtml", null),
            new Route(Pattern.compile("/orders"), "/orders.xhtml", null),
            new Route(Pattern.compile("/orders/([1-9][0-9]{0,17})"), "/order.xhtml", "id"),
            new Route(Pattern.compile("/admin/products/new"), "/admin/product.xhtml", null),
            new Route(Pattern.compile("/admin/products/([1-9][0-9]{0,17})/edit"), "/admin/product.xhtml", "id"),
            new Route(Pattern.compile("/admin/categories/new"), "/admin/category.xhtml", null),
            new Route(Pattern.compile("/admin/categories/([1-9][0-9]{0,17})/edit"), "/admin/category.xhtml", "id"));

    @Override
    protected List<Route> routes() {
        return ROUTES;
    }
}
