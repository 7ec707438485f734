package org.soundwave.platform.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.soundwave.platform.web.ErrorPages;

/**
 * The JAX-RS runtime's own errors (unknown path 404, wrong method 405, unsupported content type 415,
 * unacceptable 406, ...) and those resources throw, as problem details with the same status.
 */
@Provider
public class WebApplicationProblemMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        if (exception.getResponse().getEntity() instanceof Problem) {
            return exception.getResponse();
        }
        Response.StatusType status = exception.getResponse().getStatusInfo();
        if (status.getFamily() == Response.Status.Family.SERVER_ERROR) {
            return UnexpectedProblemMapper.unexpected(exception);
        }
        Response problem = Problem.of(status, kind(status.getStatusCode()), detail(status.getStatusCode(), exception))
                .toResponse();
        exception.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                values.forEach(v -> problem.getHeaders().add(name, v));
            }
        });
        return problem;
    }

    private static String kind(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            default -> "http-" + status;
        };
    }

    private static String detail(int status, WebApplicationException exception) {
        return switch (status) {
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not accept that method.";
            case 406 -> "This address cannot answer in the media type asked for.";
            case 415 -> "Send the body as application/json.";
            case 400 -> "The request is malformed (is the JSON body missing?).";
            case 401 -> ErrorPages.UNAUTHORIZED_DETAIL;
            case 403 -> ErrorPages.FORBIDDEN_DETAIL;
            default -> exception.getMessage() == null || exception.getMessage().startsWith("HTTP ")
                    ? "The request cannot be processed." : exception.getMessage();
        };
    }
}
