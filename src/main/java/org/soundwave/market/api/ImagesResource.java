package org.soundwave.market.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.soundwave.market.catalog.ImageStore;
import org.soundwave.platform.RestApplication;
import org.soundwave.platform.api.Problem;

/**
 * Image uploads for products and categories (administrators): the raw bytes as the body, at most 2 MB,
 * a PNG, JPEG, GIF or WebP by their first bytes (the declared type must agree). Served at /images/{id}.
 */
@Path("images")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ImagesResource {

    @Inject
    ImageStore images;

    @Operation(summary = "Upload an image (administrators); use its id as a product's or category's imageId")
    @APIResponse(responseCode = "201", description = "Stored: {\"id\":..,\"url\":\"/images/..\"}")
    @APIResponse(responseCode = "400", description = "Empty body")
    @APIResponse(responseCode = "413", description = "Larger than 2 MB")
    @APIResponse(responseCode = "415", description = "Not a PNG, JPEG, GIF or WebP image")
    @SecurityRequirement(name = RestApplication.BEARER)
    @POST
    @Consumes({"image/png", "image/jpeg", "image/gif", "image/webp"})
    @RolesAllowed("admin")
    public Response upload(byte[] body) {
        if (body == null || body.length == 0) {
            throw Problem.invalid("body", "an image is required");
        }
        String type = ImageStore.contentType(body).orElseThrow(() -> new jakarta.ws.rs.WebApplicationException(
                Problem.of(Response.Status.UNSUPPORTED_MEDIA_TYPE, "not-an-image",
                        "The body is not a PNG, JPEG, GIF or WebP image.").toResponse()));
        long id = images.store(type, body);
        return Response.created(URI.create("/images/" + id)).entity(Map.of("id", id, "url", "/images/" + id)).build();
    }
}
