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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
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

    @Operation(summary = "Open a member account")
    @APIResponse(responseCode = "201", description = "The new account", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AccountView.class)))
    @APIResponse(responseCode = "409", description = "Username or email taken")
    @APIResponse(responseCode = "400", description = "Invalid fields or malformed JSON")
    @APIResponse(responseCode = "413", description = "Body over the size limit")
    @APIResponse(responseCode = "415", description = "Not application/json")
    @POST
    @Path("register")
    public Response register(@Valid Registration registration) {
        Problem.requireBody(registration);
        return Response.status(Response.Status.CREATED).entity(accounts.register(registration)).build();
    }

    /** Username and password → an access token (minutes) and a refresh token (days). */
    @Operation(summary = "Sign in: username and password for an access and a refresh token")
    @APIResponse(responseCode = "200", description = "The tokens", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenPair.class)))
    @APIResponse(responseCode = "401", description = "Wrong username or password")
    @APIResponse(responseCode = "429", description = "Too many failed sign-ins; see Retry-After")
    @APIResponse(responseCode = "400", description = "Invalid fields or malformed JSON")
    @APIResponse(responseCode = "413", description = "Body over the size limit")
    @APIResponse(responseCode = "415", description = "Not application/json")
    @POST
    @Path("token")
    public TokenPair token(@Valid Credentials credentials) {
        Problem.requireBody(credentials);
        return auth.issueTokens(credentials, ClientAddress.of(request));
    }

    /** A refresh token → a new pair. */
    @Operation(summary = "Exchange a refresh token for a new pair")
    @APIResponse(responseCode = "200", description = "The tokens", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenPair.class)))
    @APIResponse(responseCode = "401", description = "Invalid, expired or revoked refresh token")
    @APIResponse(responseCode = "400", description = "Invalid fields or malformed JSON")
    @APIResponse(responseCode = "413", description = "Body over the size limit")
    @APIResponse(responseCode = "415", description = "Not application/json")
    @POST
    @Path("refresh")
    public TokenPair refresh(@Valid RefreshRequest refresh) {
        Problem.requireBody(refresh);
        return auth.refresh(refresh.getRefreshToken());
    }

    /** Invalidates every access and refresh token of the caller issued so far. */
    @Operation(summary = "Revoke every token of the caller issued so far")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "401", description = "No valid access token")
    @SecurityRequirement(name = RestApplication.BEARER)
    @POST
    @Path("revoke")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({"member", "admin"})
    public Response revoke() {
        auth.revokeTokens(current.require().id());
        return Response.noContent().build();
    }
}
