package org.soundwave.market.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import org.soundwave.account.CurrentMember;
import org.soundwave.market.cart.CartService;
import org.soundwave.market.cart.CartView;
import org.soundwave.market.catalog.InvalidCatalogInputException;
import org.soundwave.market.order.CheckoutRequest;
import org.soundwave.market.order.OrderService;
import org.soundwave.market.order.OrderStatus;
import org.soundwave.market.order.OrderView;
import org.soundwave.market.order.OutOfStockException;
import org.soundwave.platform.web.Pages;

/**
 * The order pages: checkout from the cart (members), /orders (the member's orders), /orders/{id} (one,
 * with its status live: the page reloads itself while the order is being processed) and, for
 * administrators, /admin/orders?status=.
 */
@Named
@RequestScoped
public class OrderPages {

    @Inject
    OrderService service;

    @Inject
    CartService carts;

    @Inject
    SecurityContext security;

    @Inject
    CurrentMember current;

    /** The key this checkout form was rendered with: submitting it twice places one order. */
    private String checkoutKey = UUID.randomUUID().toString();
    private OrderView order;

    /** Places the member's cart as an order, empties the cart, shows the order. */
    public void checkout() {
        if (security.getCallerPrincipal() == null) {
            Pages.signInFirst("/cart");
            return;
        }
        long member = member();
        CartView cart = carts.memberCart(member);
        if (cart.items().isEmpty()) {
            message("Your cart is empty.");
            return;
        }
        List<CheckoutRequest.Item> items = cart.items().stream().map(l -> new CheckoutRequest.Item(l.productId(), l.quantity())).toList();
        try {
            OrderService.Placed placed = service.checkout(member, "page-" + checkoutKey, items);
            carts.clear(member);
            Pages.redirect("/orders/" + placed.order().id());
        } catch (OutOfStockException short_) {
            message("Not enough stock for " + short_.available().size() + " of your products: nothing was ordered. "
                    + "Change the quantities and try again.");
        } catch (InvalidCatalogInputException gone) {
            message("A product in your cart is no longer for sale: remove it and try again.");
        }
    }

    /** /orders/{id}: the member's own order (administrators: any); otherwise 404. */
    public void loadOrder() {
        OptionalInt id = Pages.positive(Pages.parameter("id"));
        if (id.isPresent() && id.getAsInt() > 0) {
            order = current.get().flatMap(who -> service.visibleTo(who, id.getAsInt())).orElse(null);
        }
        if (order == null) {
            Pages.notFound("There is no such order of yours.");
        }
    }

    public void cancel() {
        loadOrder();
        if (order == null) {
            return;
        }
        try {
            service.cancelFor(current.require(), order.id());
        } catch (org.soundwave.market.order.OrderConflictException late) {
            message("This order is " + order.status().toLowerCase() + " and can no longer be cancelled.");
            return;
        }
        Pages.redirect("/orders/" + order.id());
    }

    public List<OrderView> getMine() {
        return service.firstPageOf(member()).items();
    }

    public List<OrderView> getAll() {
        String status = Pages.parameter("status");
        OrderStatus only = OrderStatus.parse(status).orElse(null);
        return service.every(only, null, 100).items();
    }

    public OrderView getOrder() {
        return order;
    }

    /** Whether the order is still being processed (the page then refreshes itself). */
    public boolean isInProgress() {
        return order != null && (order.status().equals("PENDING") || order.status().equals("PAID"));
    }

    public String getCheckoutKey() {
        return checkoutKey;
    }

    public void setCheckoutKey(String checkoutKey) {
        if (checkoutKey != null && checkoutKey.matches("[0-9a-f-]{36}")) {
            this.checkoutKey = checkoutKey;
        }
    }

    private long member() {
        return current.require().id();
    }

    private static void message(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }
}
