package org.soundwave.account;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Administrators' view of the accounts. */
@Path("admin/accounts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class AdminAccountsResource {

    @Inject
    AuthService auth;

    @GET
    public List<AccountView> accounts(@QueryParam("limit") @DefaultValue("100")
                                      @Min(value = 1, message = "must be at least 1")
                                      @Max(value = 1000, message = "must be at most 1000") int limit) {
        return auth.accounts(limit);
    }
}
