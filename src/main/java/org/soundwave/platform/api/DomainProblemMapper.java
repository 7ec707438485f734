package org.soundwave.platform.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.soundwave.platform.DomainException;

/** Every domain failure as the problem+json it describes (status, type, detail, field errors, headers). */
@Provider
public class DomainProblemMapper implements ExceptionMapper<DomainException> {

    @Override
    public Response toResponse(DomainException exception) {
        Response response = Problem.of(Response.Status.fromStatusCode(exception.status()), exception.type(), exception.detail())
                .withErrors(exception.fieldErrors().entrySet().stream()
                        .map(error -> new Problem.FieldError(error.getKey(), error.getValue()))
                        .toList())
                .toResponse();
        exception.headers().forEach((name, value) -> response.getHeaders().add(name, value));
        return response;
    }
}
