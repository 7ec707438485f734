package org.soundwave.account.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
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

    @GET
    @RolesAllowed({"member", "admin"})
    public AccountView me() {
        return auth.account(current.require().id()).orElseThrow(NotFoundException::new);
    }
}
