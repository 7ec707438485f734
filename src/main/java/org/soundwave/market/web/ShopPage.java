package org.soundwave.market.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.soundwave.market.catalog.CatalogRepository;
import org.soundwave.market.catalog.CategoryView;
import org.soundwave.market.catalog.MarketCaches;
import org.soundwave.market.catalog.ProductCursor;
import org.soundwave.market.catalog.ProductSort;
import org.soundwave.market.catalog.ProductView;
import org.soundwave.platform.api.Slice;
import org.soundwave.platform.web.Pages;

/**
 * /shop: the categories and a search box; /shop?q=...: products whose name contains q; /shop/{slug}:
 * a category's products. Lists are 24 per page, sorted by name or price (?sort=name|-name|price|-price),
 * walked with "More" links (a keyset cursor). A stateless view.
 */
@Named
@RequestScoped
public class ShopPage {

    public static final int PAGE_SIZE = 24;

    @Inject
    MarketCaches market;

    @Inject
    CatalogRepository catalog;

    private CategoryView category;
    private String query;
    private ProductSort sort = ProductSort.NAME;
    private boolean listing;
    private Slice<ProductView> products = new Slice<>(List.of(), null);

    public void load() {
        String slug = Pages.parameter("category");
        String q = Pages.parameter("q");
        query = q == null || q.isBlank() ? null : q.strip();
        if (query != null && query.length() > 100) {
            Pages.sendError(400, "Search for at most 100 characters.");
            return;
        }
        Optional<ProductSort> requested = ProductSort.of(Optional.ofNullable(Pages.parameter("sort")).orElse("name"));
        if (requested.isEmpty()) {
            Pages.sendError(400, "Sort by name, -name, price or -price.");
            return;
        }
        sort = requested.get();
        String cursor = Pages.parameter("cursor");
        ProductCursor after = null;
        if (cursor != null && !cursor.isEmpty()) {
            Optional<ProductCursor> decoded = ProductCursor.decode(cursor, sort);
            if (decoded.isEmpty()) {
                Pages.notFound("There is no such page of this list.");
                return;
            }
            after = decoded.get();
        }
        if (slug != null) {
            Optional<CategoryView> found = market.categories().stream().filter(c -> c.slug().equals(slug)).findFirst();
            if (found.isEmpty()) {
                Pages.notFound("There is no category " + slug + ".");
                return;
            }
            category = found.get();
        }
        listing = category != null || query != null;
        if (listing) {
            products = market.products(category == null ? null : category.id(), query, sort, after, PAGE_SIZE);
        }
    }

    public String getHeading() {
        if (category != null) {
            return query == null ? category.name() : category.name() + ": “" + query + "”";
        }
        return query != null ? "Search: “" + query + "”" : "Shop";
    }

    /** The URL of this list in another order, or of its next page. */
    public String url(String sortParam, String cursor) {
        StringBuilder url = new StringBuilder(category == null ? "/shop" : "/shop/" + category.slug()).append("?sort=").append(sortParam);
        if (query != null) {
            url.append("&q=").append(URLEncoder.encode(query, StandardCharsets.UTF_8));
        }
        if (cursor != null && !cursor.isEmpty()) {   // EL passes a null String argument as ""
            url.append("&cursor=").append(cursor);
        }
        return url.toString();
    }

    public List<CategoryView> getCategories() {
        return market.categories();
    }

    public CategoryView getCategory() {
        return category;
    }

    public String getQuery() {
        return query;
    }

    public String getSort() {
        return sort.param();
    }

    public boolean isListing() {
        return listing;
    }

    public Slice<ProductView> getProducts() {
        return products;
    }
}
