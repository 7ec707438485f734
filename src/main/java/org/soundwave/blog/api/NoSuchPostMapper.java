package org.soundwave.blog.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.soundwave.blog.NoSuchPostException;
import org.soundwave.platform.api.Problem;

/** A post that does not exist → 404. */
@Provider
public class NoSuchPostMapper implements ExceptionMapper<NoSuchPostException> {

    @Override
    public Response toResponse(NoSuchPostException exception) {
        return Problem.of(Response.Status.NOT_FOUND, "no-such-post", exception.getMessage()).toResponse();
    }
}
