package org.soundwave.account.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.soundwave.account.AccountView;
import org.soundwave.account.AuthService;
import org.soundwave.account.CurrentMember;
import org.soundwave.platform.RestApplication;

/** The caller's own account. */
@Path("me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @Inject
    AuthService auth;

    @Inject
    CurrentMember current;

    @Operation(summary = "The caller's own account")
    @APIResponse(responseCode = "200", description = "The account", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AccountView.class)))
    @APIResponse(responseCode = "401", description = "No valid access token")
    @APIResponse(responseCode = "403", description = "Not allowed for this account")
    @SecurityRequirement(name = RestApplication.BEARER)
    @GET
    @RolesAllowed({"member", "admin"})
    public AccountView me() {
        return auth.account(current.require().id()).orElseThrow(NotFoundException::new);
    }
}
