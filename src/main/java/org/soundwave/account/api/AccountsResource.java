package org.soundwave.account.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.soundwave.account.AccountService;
import org.soundwave.account.AccountView;
import org.soundwave.account.AuthService;
import org.soundwave.account.CurrentMember;
import org.soundwave.account.ProfileUpdate;
import org.soundwave.platform.RestApplication;
import org.soundwave.platform.api.Problem;

/**
 * One account by id: its owner (or an administrator) may read it and edit its profile. Anybody else's
 * id answers 404, the same as an id that does not exist, so ids cannot be probed.
 */
@Path("accounts/{id}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"member", "admin"})
public class AccountsResource {

    @Inject
    AuthService auth;

    @Inject
    AccountService accounts;

    @Inject
    CurrentMember current;

    @GET
    public AccountView get(@PathParam("id") long id) {
        return visible(id);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public AccountView update(@PathParam("id") long id, @Valid ProfileUpdate update) {
        Problem.requireBody(update);
        return accounts.updateProfile(visible(id).username(), update);
    }

    private AccountView visible(long id) {
        boolean own = id == current.require().id();
        if (!own && !current.require().admin()) {
            throw new NotFoundException();
        }
        return auth.account(id).orElseThrow(NotFoundException::new);
    }
}
