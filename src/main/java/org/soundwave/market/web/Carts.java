package org.soundwave.market.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.soundwave.account.CurrentMember;
import org.soundwave.account.web.SignedIn;
import org.soundwave.market.cart.CartService;
import org.soundwave.market.cart.CartView;
import org.soundwave.market.VisitorCart;

/**
 * The cart of whoever uses the pages: a member's in the database, a visitor's in the (replicated)
 * session. At sign-in the visitor's cart is added to the member's and leaves the session.
 */
@ApplicationScoped
public class Carts {

    private static final Logger LOG = Logger.getLogger(Carts.class.getName());

    @Inject
    CartService carts;

    @Inject
    CurrentMember current;

    public CartView view(HttpSession session) {
        Optional<Long> id = memberId();
        return id.isPresent() ? carts.memberCart(id.get()) : carts.visitorCart(visitorCart(session));
    }

    public void set(HttpSession session, long productId, int quantity) {
        Optional<Long> id = memberId();
        if (id.isPresent()) {
            carts.set(id.get(), productId, quantity);
            return;
        }
        carts.requireForSale(productId);
        session.setAttribute(VisitorCart.SESSION_KEY, visitorCart(session).with(productId, quantity));
    }

    /** Adds to the quantity already in the cart (up to the maximum). */
    public void add(HttpSession session, long productId, int quantity) {
        int already = view(session).items().stream().filter(l -> l.productId() == productId)
                .mapToInt(CartView.Line::quantity).sum();
        set(session, productId, Math.min(already + quantity, org.soundwave.market.cart.CartItemForm.MAX_QUANTITY));
    }

    public void remove(HttpSession session, long productId) {
        Optional<Long> id = memberId();
        if (id.isPresent()) {
            carts.remove(id.get(), productId);
        } else {
            session.setAttribute(VisitorCart.SESSION_KEY, visitorCart(session).without(productId));
        }
    }

    void signedIn(@Observes SignedIn event) {
        VisitorCart cart = visitorCart(event.session());
        if (cart.isEmpty()) {
            return;
        }
        try {
            carts.merge(event.memberId(), cart);
            event.session().removeAttribute(VisitorCart.SESSION_KEY);
        } catch (RuntimeException e) {
            // Signing in must not fail because of the cart; the visitor's cart stays in the session.
            LOG.log(Level.WARNING, "could not merge the visitor's cart of " + event.username(), e);
        }
    }

    private static VisitorCart visitorCart(HttpSession session) {
        Object stored = session == null ? null : session.getAttribute(VisitorCart.SESSION_KEY);
        return stored instanceof VisitorCart cart ? cart : VisitorCart.empty();
    }

    private Optional<Long> memberId() {
        return current.get().map(CurrentMember.Member::id);
    }
}
