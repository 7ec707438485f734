package org.soundwave.account.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.soundwave.account.AccountService;
import org.soundwave.account.AccountView;
import org.soundwave.account.AuthService;
import org.soundwave.account.Credentials;
import org.soundwave.account.CurrentMember;
import org.soundwave.account.RefreshRequest;
import org.soundwave.account.Registration;
import org.soundwave.account.TokenPair;
import org.soundwave.platform.RestApplication;
import org.soundwave.platform.api.Problem;
import org.soundwave.platform.web.ClientAddress;

/** Accounts and tokens for integrators. */
@Path("auth")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {


    @Inject
    AccountService accounts;

    @Inject
    AuthService auth;

    @Inject
    CurrentMember current;

    @Context
    HttpServletRequest request;

    @POST
    @Path("register")
    public Response register(@Valid Registration registration) {
        Problem.requireBody(registration);
        return Response.status(Response.Status.CREATED).entity(accounts.register(registration, ClientAddress.of(request))).build();
    }

    /** Username and password → an access token (minutes) and a refresh token (days). */
    @POST
    @Path("token")
    public TokenPair token(@Valid Credentials credentials) {
        Problem.requireBody(credentials);
        return auth.issueTokens(credentials, ClientAddress.of(request));
    }

    /** A refresh token → a new pair. */
    @POST
    @Path("refresh")
    public TokenPair refresh(@Valid RefreshRequest refresh) {
        Problem.requireBody(refresh);
        return auth.refresh(refresh.getRefreshToken());
    }

    /** Invalidates every access and refresh token of the caller issued so far. */
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})   // 204, or a problem: either is acceptable
    @POST
    @Path("revoke")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({"member", "admin"})
    public Response revoke() {
        auth.revokeTokens(current.require().id());
        return Response.noContent().build();
    }
}
