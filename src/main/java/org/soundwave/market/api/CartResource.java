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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
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
@SecurityRequirement(name = RestApplication.BEARER)
@APIResponse(responseCode = "401", description = "No valid access token")
public class CartResource {

    @Inject
    CartService carts;

    @Inject
    CurrentMember current;

    @Operation(summary = "The member's cart: its items at today's prices and the subtotal")
    @APIResponse(responseCode = "200", description = "The cart", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CartView.class)))
    @GET
    public CartView cart() {
        return carts.memberCart(member());
    }

    @Operation(summary = "Put a product in the cart with this quantity (1-99), or change its quantity")
    @APIResponse(responseCode = "200", description = "The cart", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CartView.class)))
    @APIResponse(responseCode = "400", description = "Invalid quantity")
    @APIResponse(responseCode = "404", description = "No such product for sale")
    @PUT
    @Path("{productId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public CartView set(@PathParam("productId") long productId, @Valid CartItemForm form) {
        Problem.requireBody(form);
        carts.set(member(), productId, form.getQuantity());
        return cart();
    }

    @Operation(summary = "Take a product out of the cart")
    @APIResponse(responseCode = "200", description = "The cart", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CartView.class)))
    @DELETE
    @Path("{productId}")
    public CartView remove(@PathParam("productId") long productId) {
        carts.remove(member(), productId);
        return cart();
    }

    @Operation(summary = "Empty the cart")
    @APIResponse(responseCode = "200", description = "The (empty) cart", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CartView.class)))
    @DELETE
    public CartView clear() {
        carts.clear(member());
        return cart();
    }

    private long member() {
        return current.require().id();
    }
}
