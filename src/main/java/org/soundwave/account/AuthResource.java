package org.soundwave.account;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.soundwave.platform.web.ClientAddress;

/** Accounts and tokens for integrators. */
@Path("auth")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    private static final String BODY_REQUIRED = "a JSON body is required";

    @Inject
    AccountService accounts;

    @Inject
    AuthService auth;

    @Inject
    JsonWebToken token;

    @Context
    HttpServletRequest request;

    @POST
    @Path("register")
    public Response register(@Valid @NotNull(message = BODY_REQUIRED) Registration registration) {
        return Response.status(Response.Status.CREATED).entity(accounts.register(registration)).build();
    }

    /** Username and password → an access token (minutes) and a refresh token (days). */
    @POST
    @Path("token")
    public TokenPair token(@Valid @NotNull(message = BODY_REQUIRED) Credentials credentials) {
        return auth.issueTokens(credentials, ClientAddress.of(request));
    }

    /** A refresh token → a new pair. */
    @POST
    @Path("refresh")
    public TokenPair refresh(@Valid @NotNull(message = BODY_REQUIRED) RefreshRequest refresh) {
        return auth.refresh(refresh.refreshToken());
    }

    /** Invalidates every access and refresh token of the caller issued so far. */
    @POST
    @Path("revoke")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({"member", "admin"})
    public Response revoke() {
        auth.revokeTokens(Long.parseLong(token.getSubject()));
        return Response.noContent().build();
    }
}
