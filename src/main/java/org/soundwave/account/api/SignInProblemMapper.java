package org.soundwave.account.api;

import org.soundwave.account.SignInException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.soundwave.platform.api.Problem;

/** Refused sign-ins → 401 (with a Bearer challenge), throttled ones → 429 with Retry-After. */
@Provider
public class SignInProblemMapper implements ExceptionMapper<SignInException> {

    @Override
    public Response toResponse(SignInException exception) {
        if (exception.retryAfter().isPresent()) {
            Response response = Problem.of(Response.Status.TOO_MANY_REQUESTS, "too-many-sign-ins", exception.getMessage())
                    .toResponse();
            response.getHeaders().add(HttpHeaders.RETRY_AFTER, Math.max(1, exception.retryAfter().get().toSeconds()));
            return response;
        }
        Response response = Problem.of(Response.Status.UNAUTHORIZED, "sign-in-failed", exception.getMessage()).toResponse();
        response.getHeaders().add(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"soundwave\"");
        return response;
    }
}
