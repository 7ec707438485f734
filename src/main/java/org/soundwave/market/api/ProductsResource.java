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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
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

    @Operation(summary = "Products for sale: one category's or all, optionally those whose name contains q, sorted")
    @APIResponse(responseCode = "200", description = "A page of products and the cursor of the next one",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Slice.class)))
    @APIResponse(responseCode = "400", description = "Invalid sort, limit, search or cursor")
    @GET
    @PermitAll
    public Slice<ProductView> list(@Parameter(description = "a category's slug") @QueryParam("category") String category,
                                   @Parameter(description = "part of the name, any letter case") @QueryParam("q") String q,
                                   @Parameter(description = "name, -name, price or -price") @QueryParam("sort") @DefaultValue("name") String sort,
                                   @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
                                   @Parameter(description = "products per page, 1-100") @QueryParam("limit") @DefaultValue("20") int limit) {
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

    @Operation(summary = "One product with its average rating")
    @APIResponse(responseCode = "200", description = "The product", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "404", description = "No such product (or not for sale)")
    @GET
    @Path("{id}")
    @PermitAll
    public ProductView product(@PathParam("id") long id) {
        return market.product(id).filter(p -> p.active() || security.isUserInRole("admin"))
                .orElseThrow(() -> new NoSuchProductException("There is no product " + id + "."));
    }

    @Operation(summary = "Create a product (administrators)")
    @APIResponse(responseCode = "201", description = "Created; Location names it", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "401", description = "No valid access token")
    @APIResponse(responseCode = "403", description = "Not an administrator")
    @SecurityRequirement(name = RestApplication.BEARER)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    public Response create(@Valid ProductForm form) {
        Problem.requireBody(form);
        long id = catalog.createProduct(form);
        return Response.created(uri.getBaseUriBuilder().path("products").path(String.valueOf(id)).build())
                .entity(product(id)).build();
    }

    @Operation(summary = "Change a product (administrators)")
    @APIResponse(responseCode = "200", description = "The product", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "404", description = "No such product")
    @SecurityRequirement(name = RestApplication.BEARER)
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    public ProductView change(@PathParam("id") long id, @Valid ProductForm form) {
        Problem.requireBody(form);
        catalog.changeProduct(id, form);
        return product(id);
    }

    @Operation(summary = "Take a product out of sale (administrators); it stays for the orders that name it")
    @APIResponse(responseCode = "204", description = "Deactivated")
    @APIResponse(responseCode = "404", description = "No such product")
    @SecurityRequirement(name = RestApplication.BEARER)
    @DELETE
    @Path("{id}")
    @RolesAllowed("admin")
    public void deactivate(@PathParam("id") long id) {
        catalog.deactivateProduct(id);
    }

    @Operation(summary = "A product's reviews, newest first")
    @APIResponse(responseCode = "200", description = "A page of reviews and the cursor of the next one",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Slice.class)))
    @APIResponse(responseCode = "404", description = "No such product")
    @GET
    @Path("{id}/reviews")
    @PermitAll
    public Slice<ReviewView> reviews(@PathParam("id") long id,
                                     @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
                                     @Parameter(description = "reviews per page, 1-100") @QueryParam("limit") @DefaultValue("20") int limit) {
        PageParameters.checkLimit(limit);
        Cursor after = PageParameters.cursor(cursor);
        product(id);
        return repository.reviews(id, after, limit);
    }

    @Operation(summary = "Review a product (members; one review per member and product)")
    @APIResponse(responseCode = "201", description = "Reviewed", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "401", description = "No valid access token")
    @APIResponse(responseCode = "404", description = "No such product")
    @APIResponse(responseCode = "409", description = "Already reviewed by this member")
    @SecurityRequirement(name = RestApplication.BEARER)
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
