package org.soundwave.market.api;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.soundwave.market.catalog.CatalogService;
import org.soundwave.market.catalog.CategoryForm;
import org.soundwave.market.catalog.CategoryView;
import org.soundwave.market.catalog.MarketCaches;
import org.soundwave.platform.RestApplication;
import org.soundwave.platform.api.Problem;

/** The market's categories: everyone reads them, administrators change them. */
@Path("categories")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CategoriesResource {

    @Inject
    MarketCaches market;

    @Inject
    CatalogService catalog;

    @Context
    UriInfo uri;

    @Operation(summary = "Every category with its number of products for sale")
    @APIResponse(responseCode = "200", description = "The categories by name",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CategoryView.class)))
    @GET
    @PermitAll
    public List<CategoryView> categories() {
        return market.categories();
    }

    @Operation(summary = "Create a category (administrators)")
    @APIResponse(responseCode = "201", description = "Created; Location names it")
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "409", description = "Name or slug taken")
    @SecurityRequirement(name = RestApplication.BEARER)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    public Response create(@Valid CategoryForm form) {
        Problem.requireBody(form);
        long id = catalog.createCategory(form);
        return Response.created(uri.getBaseUriBuilder().path("categories").path(String.valueOf(id)).build())
                .entity(byId(id)).build();
    }

    @Operation(summary = "Change a category (administrators)")
    @APIResponse(responseCode = "200", description = "The category", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CategoryView.class)))
    @APIResponse(responseCode = "404", description = "No such category")
    @APIResponse(responseCode = "409", description = "Name or slug taken")
    @SecurityRequirement(name = RestApplication.BEARER)
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    public CategoryView change(@PathParam("id") long id, @Valid CategoryForm form) {
        Problem.requireBody(form);
        catalog.changeCategory(id, form);
        return byId(id);
    }

    @Operation(summary = "Delete an empty category (administrators)")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such category")
    @APIResponse(responseCode = "409", description = "It still has products")
    @SecurityRequirement(name = RestApplication.BEARER)
    @DELETE
    @Path("{id}")
    @RolesAllowed("admin")
    public void delete(@PathParam("id") long id) {
        catalog.deleteCategory(id);
    }

    private CategoryView byId(long id) {
        return market.categories().stream().filter(c -> c.id() == id).findFirst().orElseThrow();
    }
}
