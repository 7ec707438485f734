package org.soundwave.market.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.soundwave.account.CurrentMember;
import org.soundwave.market.cart.CartItemForm;
import org.soundwave.market.catalog.CatalogConflictException;
import org.soundwave.market.catalog.CatalogRepository;
import org.soundwave.market.catalog.CatalogService;
import org.soundwave.market.catalog.MarketCaches;
import org.soundwave.market.catalog.NoSuchProductException;
import org.soundwave.market.catalog.ProductView;
import org.soundwave.market.catalog.ReviewForm;
import org.soundwave.market.catalog.ReviewView;
import org.soundwave.platform.web.Pages;

/**
 * /products/{id}: the product (image, price, stock, description, average rating), its latest reviews,
 * "add to cart" for everyone (a visitor's cart lives in the session) and a review form for members.
 * A stateless view whose forms post back to the clean URL and redirect (post/redirect/get).
 */
@Named
@RequestScoped
public class ProductPage {

    public static final int REVIEWS_SHOWN = 20;

    @Inject
    MarketCaches market;

    @Inject
    CatalogRepository catalog;

    @Inject
    CatalogService service;

    @Inject
    Carts carts;

    @Inject
    SecurityContext security;

    @Inject
    HttpServletRequest request;

    @Inject
    CurrentMember current;

    private boolean loaded;
    private ProductView product;
    private List<ReviewView> reviews;
    private int quantity = 1;
    private final ReviewForm review = new ReviewForm();

    /** Once per request, before rendering and before an action: no such product for sale → 404. */
    public void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        OptionalInt id = Pages.positive(Pages.parameter("id"));
        Optional<ProductView> found = id.isPresent() && id.getAsInt() > 0 ? market.product(id.getAsInt()) : Optional.empty();
        if (found.isEmpty() || !found.get().active()) {
            Pages.notFound("There is no such product.");
            return;
        }
        product = found.get();
    }

    public String addToCart() {
        load();
        if (product == null) {
            return null;
        }
        try {
            carts.add(request.getSession(true), product.id(), quantity);
        } catch (NoSuchProductException gone) {
            message(FacesMessage.SEVERITY_ERROR, "This product is no longer for sale.");
            return null;
        }
        Pages.redirect("/cart");
        return null;
    }

    public String addReview() {
        load();
        if (product == null) {
            return null;
        }
        if (security.getCallerPrincipal() == null) {
            Pages.signInFirst(getUrl());
            return null;
        }
        long member = current.require().id();
        try {
            service.review(product.id(), member, review);
        } catch (CatalogConflictException twice) {
            message(FacesMessage.SEVERITY_ERROR, "You have already reviewed this product.");
            return null;
        }
        Pages.redirect(getUrl() + "#reviews");
        return null;
    }

    private static void message(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }

    public ProductView getProduct() {
        load();
        return product;
    }

    /** The page's meta description: the product's own description, opening words. */
    public String getDescription() {
        ProductView shown = getProduct();
        return shown == null ? "" : Pages.summary(shown.description(), 155);
    }

    public List<ReviewView> getReviews() {
        if (reviews == null) {
            reviews = catalog.reviews(getProduct().id(), null, REVIEWS_SHOWN).items();
        }
        return reviews;
    }

    public String getUrl() {
        return "/products/" + getProduct().id();
    }

    public boolean isSignedIn() {
        return security.getCallerPrincipal() != null;
    }

    public int getQuantity() {
        return quantity;
    }

    public void setQuantity(int quantity) {
        this.quantity = quantity;
    }

    public int getMaxQuantity() {
        return CartItemForm.MAX_QUANTITY;
    }

    public ReviewForm getReview() {
        return review;
    }
}
