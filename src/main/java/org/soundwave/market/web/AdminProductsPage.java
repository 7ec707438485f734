package org.soundwave.market.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.OptionalInt;
import org.soundwave.market.catalog.CatalogRepository;
import org.soundwave.market.catalog.ProductView;
import org.soundwave.platform.web.Pages;

/** /admin/products (administrators): every product, active or not, newest first, 50 a page; ?q= searches. */
@Named
@RequestScoped
public class AdminProductsPage {

    public static final int PAGE_SIZE = 50;

    @Inject
    CatalogRepository catalog;

    private List<ProductView> products;

    public List<ProductView> getProducts() {
        if (products == null) {
            String q = Pages.parameter("q");
            OptionalInt before = Pages.positive(Pages.parameter("before"));
            products = catalog.allProducts(q == null || q.isBlank() ? null : q.strip(),
                    before.isPresent() && before.getAsInt() > 0 ? Long.valueOf(before.getAsInt()) : null, PAGE_SIZE);
        }
        return products;
    }

    /** The link to the next (older) page, or null on the last. */
    public String getOlderUrl() {
        List<ProductView> shown = getProducts();
        if (shown.size() < PAGE_SIZE) {
            return null;
        }
        String q = Pages.parameter("q");
        return "/admin/products?before=" + shown.get(shown.size() - 1).id()
                + (q == null ? "" : "&q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8));
    }
}
