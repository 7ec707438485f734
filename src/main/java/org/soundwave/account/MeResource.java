package org.soundwave.account;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller's own account. */
@Path("me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @Inject
    AuthService auth;

    @Inject
    JsonWebToken token;

    @GET
    @RolesAllowed({"member", "admin"})
    public AccountView me() {
        return auth.account(Long.parseLong(token.getSubject())).orElseThrow(NotFoundException::new);
    }
}
