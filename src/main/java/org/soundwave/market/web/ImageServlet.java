package org.soundwave.market.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.soundwave.market.catalog.ImageStore;

/**
 * /images/{id}: an uploaded image, from the database, so every node serves every image. Images never
 * change (a new upload is a new id): anyone may cache one for a year, and an If-None-Match of its ETag
 * costs no bytes.
 */
@WebServlet(urlPatterns = "/images/*")
public class ImageServlet extends HttpServlet {

    @Inject
    ImageStore images;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        Optional<ImageStore.Image> image = path != null && path.matches("/[1-9][0-9]{0,17}")
                ? images.find(Long.parseLong(path.substring(1))) : Optional.empty();
        if (image.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String etag = "\"img-" + path.substring(1) + "\"";
        response.setHeader("Cache-Control", "public, max-age=31536000, immutable");
        response.setHeader("ETag", etag);
        if (etag.equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(image.get().contentType());
        response.setContentLength(image.get().bytes().length);
        response.getOutputStream().write(image.get().bytes());
    }
}
