package org.soundwave.market.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.soundwave.market.CategoryForm;

/**
 * The market's clean URLs: /shop (categories and search), /shop/{slug} (a category's products),
 * /products/{id}, /cart, /orders, /orders/{id}, and the administrators' /admin/products/new, /admin/products/{id}/edit,
 * /admin/categories/new, /admin/categories/{id}/edit, forwarded to their Facelets views (like the blog's
 * routes; mapped after every other filter in web.xml; /admin/* is for administrators only, see web.xml).
 */
@WebFilter(filterName = "marketRoutes")
public class MarketRoutes extends HttpFilter {

    private record Route(Pattern path, String view, String parameter) {
    }

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
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (Route route : ROUTES) {
            Matcher m = route.path().matcher(path);
            if (m.matches()) {
                String target = route.parameter() == null ? route.view() : route.view() + "?" + route.parameter() + "=" + m.group(1);
                request.getRequestDispatcher(target).forward(request, response);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
