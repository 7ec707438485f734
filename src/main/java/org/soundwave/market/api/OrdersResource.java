package org.soundwave.market.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.soundwave.account.CurrentMember;
import org.soundwave.market.order.CheckoutRequest;
import org.soundwave.market.order.NoSuchOrderException;
import org.soundwave.market.order.OrderService;
import org.soundwave.market.order.OrderStatus;
import org.soundwave.market.order.OrderView;
import org.soundwave.platform.RestApplication;
import org.soundwave.platform.api.PageParameters;
import org.soundwave.platform.api.Problem;
import org.soundwave.platform.api.Slice;

/**
 * Orders. Checkout is accepted at once (202) with the stock reserved, and processed in the background:
 * poll the order's URL for its status. Members see their own orders; administrators see everyone's.
 */
@Path("orders")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"member", "admin"})
public class OrdersResource {

    static final String KEY = "[\\x21-\\x7e]{1,100}";

    @Inject
    OrderService service;

    @Inject
    CurrentMember current;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response checkout(@HeaderParam("Idempotency-Key") String key,
                             @Valid CheckoutRequest request) {
        if (key == null || !key.matches(KEY)) {
            throw Problem.invalid("Idempotency-Key", "send a header of 1-100 printable characters, unique per order");
        }
        Problem.requireBody(request);
        OrderService.Placed placed = service.checkout(member(), key, request.getItems());
        return Response.accepted(placed.order())
                .location(uri.getBaseUriBuilder().path("orders").path(String.valueOf(placed.order().id())).build())
                .header("Idempotent-Replayed", String.valueOf(!placed.created()))
                .build();
    }

    @GET
    public Slice<OrderView> list(@QueryParam("status") String status,
                                 @QueryParam("cursor") String cursor,
                                 @QueryParam("limit") @DefaultValue("20") int limit) {
        PageParameters.checkLimit(limit);
        OrderStatus only = status == null ? null : OrderStatus.parse(status)
                .orElseThrow(() -> Problem.invalid("status", "must be PENDING, PAID, COMPLETED or CANCELED"));
        return service.listFor(current.require(), only, PageParameters.cursor(cursor), limit);
    }

    @GET
    @Path("{id}")
    public OrderView order(@PathParam("id") long id) {
        return service.visibleTo(current.require(), id).orElseThrow(() -> new NoSuchOrderException(id));
    }

    @POST
    @Path("{id}/cancel")
    public OrderView cancel(@PathParam("id") long id) {
        return service.cancelFor(current.require(), id);
    }

    private long member() {
        return current.require().id();
    }
}
