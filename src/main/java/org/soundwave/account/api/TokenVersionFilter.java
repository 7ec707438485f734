package org.soundwave.account.api;

import org.soundwave.account.AuthService;
import org.soundwave.account.TokenService;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.soundwave.platform.api.Problem;

/**
 * MicroProfile JWT checks a token's signature, issuer, audience and expiry; this checks it has not been
 * revoked since: its token version must still be the user's. Runs before authorization.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 1)
public class TokenVersionFilter implements ContainerRequestFilter {

    @Inject
    AuthService auth;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!(request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken jwt)) {
            return;
        }
        if (!isCurrent(jwt)) {
            Response response = Problem.of(Response.Status.UNAUTHORIZED, "token-revoked",
                    "The token has been revoked or its account no longer exists.").toResponse();
            response.getHeaders().add(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"soundwave\", error=\"invalid_token\"");
            request.abortWith(response);
        }
    }

    private boolean isCurrent(JsonWebToken jwt) {
        Object version = jwt.getClaim(TokenService.TOKEN_VERSION);
        try {
            int tokenVersion;
            if (version instanceof JsonNumber n) {
                tokenVersion = n.intValueExact();
            } else if (version instanceof Number n) {
                tokenVersion = n.intValue();
            } else if (version != null) {
                tokenVersion = Integer.parseInt(version.toString());
            } else {
                return false;
            }
            return auth.current(Long.parseLong(jwt.getSubject()), tokenVersion).isPresent();
        } catch (ArithmeticException | NumberFormatException e) {
            return false;
        }
    }
}
