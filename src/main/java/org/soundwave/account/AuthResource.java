package org.soundwave.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Accounts for integrators: register (tokens come next). */
@Path("auth")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    @Inject
    AccountService accounts;

    @POST
    @Path("register")
    public Response register(@Valid @NotNull(message = "a JSON body is required") Registration registration) {
        return Response.status(Response.Status.CREATED).entity(accounts.register(registration)).build();
    }
}
