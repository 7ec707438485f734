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
import org.soundwave.market.catalog.CatalogService;
import org.soundwave.market.catalog.CategoryForm;
import org.soundwave.market.catalog.CategoryView;
import org.soundwave.market.catalog.MarketCaches;
import org.soundwave.platform.RestApplication;
import org.soundwave.platform.api.Created;
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

    @GET
    @PermitAll
    public List<CategoryView> categories() {
        return market.categories();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    public Response create(@Valid CategoryForm form) {
        Problem.requireBody(form);
        long id = catalog.createCategory(form);
        return Created.at(uri, byId(id), "categories", String.valueOf(id));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    public CategoryView change(@PathParam("id") long id, @Valid CategoryForm form) {
        Problem.requireBody(form);
        catalog.changeCategory(id, form);
        return byId(id);
    }

    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})   // 204, or a problem: either is acceptable
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
