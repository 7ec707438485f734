package org.soundwave.platform.api;

import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A body that is not the JSON the resource expects → 400, not 500. */
@Provider
public class MalformedJsonProblemMapper implements ExceptionMapper<ProcessingException> {

    @Override
    public Response toResponse(ProcessingException exception) {
        if (!causedByJson(exception)) {
            return UnexpectedProblemMapper.unexpected(exception);
        }
        return Problem.of(Response.Status.BAD_REQUEST, "malformed-json",
                        "The body is not valid JSON of the expected shape.")
                .toResponse();
    }

    private static boolean causedByJson(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof JsonbException || t instanceof JsonParsingException) {
                return true;
            }
        }
        return false;
    }
}
