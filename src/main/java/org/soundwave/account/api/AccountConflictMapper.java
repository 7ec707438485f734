package org.soundwave.account.api;

import org.soundwave.account.AccountConflictException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.soundwave.platform.api.Problem;

/** A taken username or email → 409 naming the field. */
@Provider
public class AccountConflictMapper implements ExceptionMapper<AccountConflictException> {

    @Override
    public Response toResponse(AccountConflictException exception) {
        return Problem.of(Response.Status.CONFLICT, "account-exists", exception.getMessage())
                .withErrors(List.of(new Problem.FieldError(exception.field(), "is already taken")))
                .toResponse();
    }
}
