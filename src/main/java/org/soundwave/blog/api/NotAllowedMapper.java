package org.soundwave.blog.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.soundwave.blog.NotAllowedException;
import org.soundwave.platform.api.Problem;

/** Changing someone else's post → 403. */
@Provider
public class NotAllowedMapper implements ExceptionMapper<NotAllowedException> {

    @Override
    public Response toResponse(NotAllowedException exception) {
        return Problem.of(Response.Status.FORBIDDEN, "not-the-author", exception.getMessage()).toResponse();
    }
}
