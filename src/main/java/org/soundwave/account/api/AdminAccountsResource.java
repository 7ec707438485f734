package org.soundwave.account.api;

import org.soundwave.account.AuthService;
import org.soundwave.account.AccountView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.soundwave.platform.api.Problem;
import org.soundwave.platform.RestApplication;

/** Administrators' view of the accounts. */
@Path("admin/accounts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class AdminAccountsResource {

    @Inject
    AuthService auth;

    /** Checked here rather than with @Min/@Max: Payara's OpenAPI generator fails on those on a query parameter. */
    @GET
    public List<AccountView> accounts(@QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw Problem.invalid("limit", "must be between 1 and 1000");
        }
        return auth.accounts(limit);
    }
}
