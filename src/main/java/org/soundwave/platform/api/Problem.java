package org.soundwave.platform.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;

/**
 * An RFC 9457 problem detail, the body of every API error: what kind of problem (type, title), the HTTP
 * status, a detail for this occurrence and, for invalid input, one entry per offending field.
 */
@JsonbNillable(false)
@JsonbPropertyOrder({"type", "title", "status", "detail", "errors"})
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType MEDIA = MediaType.valueOf(MEDIA_TYPE);
    private static final String TYPES = "https://soundwave.example/problems/";
    private static final Jsonb JSON = JsonbBuilder.create();

    public record FieldError(String field, String message) {
    }

    public Problem {
        errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
    }

    /** A problem of the given kind (a short slug such as "invalid-input"), without field errors. */
    public static Problem of(Response.StatusType status, String kind, String detail) {
        return new Problem(TYPES + kind, status.getReasonPhrase(), status.getStatusCode(), detail, null);
    }

    /** To throw from a resource: 400 naming the one invalid field or parameter. */
    public static BadRequestException invalid(String field, String message) {
        return new BadRequestException(Problem.of(Response.Status.BAD_REQUEST, "invalid-input", "The request has invalid fields.")
                .withErrors(List.of(new FieldError(field, message)))
                .toResponse());
    }

    /** To call from a resource whose JSON body is required: 400 naming the body when it is missing. */
    public static void requireBody(Object body) {
        if (body == null) {
            throw invalid("body", "a JSON body is required");
        }
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, fieldErrors);
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA).entity(this).build();
    }

    /** Writes this problem as the whole response, for code outside JAX-RS (servlet filters, error pages). */
    public void writeTo(HttpServletResponse response) throws IOException {
        response.setStatus(status);
        response.setCharacterEncoding("UTF-8");
        response.setContentType(MEDIA_TYPE);
        response.getWriter().write(JSON.toJson(this));
    }
}
