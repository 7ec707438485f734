package org.soundwave.market.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.soundwave.account.CurrentMember;
import org.soundwave.market.cart.CartItemForm;
import org.soundwave.market.cart.CartService;
import org.soundwave.market.cart.CartView;
import org.soundwave.platform.RestApplication;
import org.soundwave.platform.api.Problem;

/** The signed-in member's own cart (there is no way to name another member's). */
@Path("cart/items")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"member", "admin"})
public class CartResource {

    @Inject
    CartService carts;

    @Inject
    CurrentMember current;

    @GET
    public CartView cart() {
        return carts.memberCart(member());
    }

    @PUT
    @Path("{productId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public CartView set(@PathParam("productId") long productId, @Valid CartItemForm form) {
        Problem.requireBody(form);
        carts.set(member(), productId, form.getQuantity());
        return cart();
    }

    @DELETE
    @Path("{productId}")
    public CartView remove(@PathParam("productId") long productId) {
        carts.remove(member(), productId);
        return cart();
    }

    @DELETE
    public CartView clear() {
        carts.clear(member());
        return cart();
    }

    private long member() {
        return current.require().id();
    }
}
