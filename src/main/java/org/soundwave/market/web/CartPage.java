package org.soundwave.market.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import org.soundwave.market.cart.CartItemForm;
import org.soundwave.market.cart.CartView;
import org.soundwave.market.catalog.NoSuchProductException;
import org.soundwave.platform.web.Pages;

/** /cart: the cart's lines with their quantities (changeable), removal, and the subtotal. */
@Named
@RequestScoped
public class CartPage {

    @Inject
    Carts carts;

    @Inject
    HttpServletRequest request;

    private CartView cart;
    private final Map<Long, Integer> quantities = new HashMap<>();

    public CartView getCart() {
        if (cart == null) {
            cart = carts.view(request.getSession(false));
            cart.items().forEach(line -> quantities.putIfAbsent(line.productId(), line.quantity()));
        }
        return cart;
    }

    /** The quantities typed in, by product id (bound to each line's field). */
    public Map<Long, Integer> getQuantities() {
        getCart();
        return quantities;
    }

    public String update(long productId) {
        Integer quantity = quantities.get(productId);
        if (quantity == null || quantity < 1 || quantity > CartItemForm.MAX_QUANTITY) {
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    "A quantity must be 1 to " + CartItemForm.MAX_QUANTITY + ".", null));
            return null;
        }
        try {
            carts.set(request.getSession(true), productId, quantity);
        } catch (NoSuchProductException gone) {
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    "That product is no longer for sale.", null));
            return null;
        }
        Pages.redirect("/cart");
        return null;
    }

    public String remove(long productId) {
        carts.remove(request.getSession(true), productId);
        Pages.redirect("/cart");
        return null;
    }
}
