package org.soundwave.market.api;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.soundwave.account.CurrentMember;
import org.soundwave.market.catalog.CatalogRepository;
import org.soundwave.market.catalog.CatalogService;
import org.soundwave.market.catalog.MarketCaches;
import org.soundwave.market.catalog.NoSuchProductException;
import org.soundwave.market.catalog.ProductCursor;
import org.soundwave.market.catalog.ProductForm;
import org.soundwave.market.catalog.ProductSort;
import org.soundwave.market.catalog.ProductView;
import org.soundwave.market.catalog.ReviewForm;
import org.soundwave.market.catalog.ReviewView;
import org.soundwave.platform.RestApplication;
import org.soundwave.platform.api.Created;
import org.soundwave.platform.api.Cursor;
import org.soundwave.platform.api.PageParameters;
import org.soundwave.platform.api.Problem;
import org.soundwave.platform.api.Slice;

/**
 * Products and their reviews. Listings walk with a keyset cursor in the chosen order (name, -name, price,
 * -price); only products for sale are listed, and only administrators see a deactivated one by id.
 */
@Path("products")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ProductsResource {

    static final int MAX_SEARCH = 100;

    @Inject
    MarketCaches market;

    @Inject
    CatalogRepository repository;

    @Inject
    CatalogService catalog;

    @Inject
    CurrentMember current;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    @GET
    @PermitAll
    public Slice<ProductView> list(@QueryParam("category") String category,
                                   @QueryParam("q") String q,
                                   @QueryParam("sort") @DefaultValue("name") String sort,
                                   @QueryParam("cursor") String cursor,
                                   @QueryParam("limit") @DefaultValue("20") int limit) {
        ProductSort order = ProductSort.of(sort).orElseThrow(() -> Problem.invalid("sort", "must be name, -name, price or -price"));
        PageParameters.checkLimit(limit);
        String search = q == null || q.isBlank() ? null : q.strip();
        if (search != null && (search.length() > MAX_SEARCH || search.indexOf('\0') >= 0)) {
            throw Problem.invalid("q", "must be at most " + MAX_SEARCH + " characters, without NUL");
        }
        ProductCursor after = cursor == null ? null
                : ProductCursor.decode(cursor, order).orElseThrow(() -> Problem.invalid("cursor", "is not a cursor of this listing and sort"));
        Long categoryId = null;
        if (category != null) {
            categoryId = repository.categoryId(category).orElse(null);
            if (categoryId == null) {
                return new Slice<>(List.of(), null);
            }
        }
        return market.products(categoryId, search, order, after, limit);
    }

    @GET
    @Path("{id}")
    @PermitAll
    public ProductView product(@PathParam("id") long id) {
        return market.product(id).filter(p -> p.active() || security.isUserInRole("admin"))
                .orElseThrow(() -> new NoSuchProductException("There is no product " + id + "."));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    public Response create(@Valid ProductForm form) {
        Problem.requireBody(form);
        long id = catalog.createProduct(form);
        return Created.at(uri, product(id), "products", String.valueOf(id));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    public ProductView change(@PathParam("id") long id, @Valid ProductForm form) {
        Problem.requireBody(form);
        catalog.changeProduct(id, form);
        return product(id);
    }

    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})   // 204, or a problem: either is acceptable
    @DELETE
    @Path("{id}")
    @RolesAllowed("admin")
    public void deactivate(@PathParam("id") long id) {
        catalog.deactivateProduct(id);
    }

    @GET
    @Path("{id}/reviews")
    @PermitAll
    public Slice<ReviewView> reviews(@PathParam("id") long id,
                                     @QueryParam("cursor") String cursor,
                                     @QueryParam("limit") @DefaultValue("20") int limit) {
        PageParameters.checkLimit(limit);
        Cursor after = PageParameters.cursor(cursor);
        product(id);
        return repository.reviews(id, after, limit);
    }

    @POST
    @Path("{id}/reviews")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"member", "admin"})
    public Response review(@PathParam("id") long id, @Valid ReviewForm form) {
        Problem.requireBody(form);
        catalog.review(id, current.require().id(), form);
        return Response.status(Response.Status.CREATED).entity(product(id)).build();
    }
}
