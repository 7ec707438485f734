package org.soundwave.account.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.soundwave.account.AuthService;
import org.soundwave.account.Credentials;
import org.soundwave.account.SignInException;
import org.soundwave.account.TooManyAttemptsException;
import org.soundwave.account.User;
import org.soundwave.platform.web.ClientAddress;

/**
 * Jakarta Security's view of the accounts: checks a page sign-in against the database, with the same
 * throttling and answers as the API. Why a sign-in failed is left in the request for the page to show.
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    static final String FAILURE = "soundwave.signInFailure";

    @Inject
    AuthService auth;

    @Inject
    HttpServletRequest request;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        try {
            User user = auth.authenticate(new Credentials(credential.getCaller(), credential.getPasswordAsString()),
                    ClientAddress.of(request));
            // The account id as the caller's unique id: the session keeps it, so no request looks it up again.
            return new CredentialValidationResult(null, new CallerPrincipal(user.username()), null, String.valueOf(user.id()),
                    Set.of(user.role().group()));
        } catch (SignInException | TooManyAttemptsException refused) {
            request.setAttribute(FAILURE, refused.getMessage());
            return CredentialValidationResult.INVALID_RESULT;
        }
    }
}
