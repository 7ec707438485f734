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
