package org.soundwave.account.web;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.time.Duration;
import java.util.logging.Logger;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.soundwave.account.AuthService;
import org.soundwave.account.SignIns;
import org.soundwave.platform.DatabaseAvailability;
import org.soundwave.platform.web.DatabaseOutageFilter;
import org.soundwave.platform.web.FormToken;

/**
 * The application's one authentication mechanism (Jakarta Security 3 allows one per WAR):
 * <ul>
 * <li>a request with {@code Authorization: Bearer}, to a page or the API, goes to Payara's MicroProfile
 * JWT mechanism (signature, issuer, audience, expiry), then must carry its account's current token version
 * (not revoked since);</li>
 * <li>the rest of /api stays anonymous and stateless;</li>
 * <li>pages: the sign-in action checks the credentials against {@link AccountIdentityStore} and keeps a
 * {@link SignedInUser} in the session; later requests, on whichever node the replicated session lands,
 * are authenticated from it while its sign-in is valid in {@link SignIns} (a session signed out or
 * revoked elsewhere is invalidated here too); a protected page without one redirects to the sign-in page.</li>
 * </ul>
 * Enabled as an alternative so it wins over the mechanism MicroProfile JWT registers; that one is found
 * by its class name (Payara's wiring, re-check on upgrades).
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class SoundwaveAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(SoundwaveAuthenticationMechanism.class.getName());

    static final String MP_JWT_MECHANISM = "fish.payara.microprofile.jwtauth.eesecurity.JWTAuthenticationMechanism";

    @Inject
    BeanManager beans;

    @Inject
    AccountIdentityStore accounts;

    @Inject
    SignIns signIns;

    @Inject
    AuthService auth;

    @Inject
    DatabaseAvailability database;

    @Inject
    Event<SignedIn> signedIn;

    private volatile HttpAuthenticationMechanism jwt;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) throws AuthenticationException {
        String authorization = request.getHeader("Authorization");
        boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return bearer(request, response, context, api);
        }
        if (api) {
            return context.doNothing();
        }
        if (context.isAuthenticationRequest() && context.getAuthParameters().getCredential() instanceof UsernamePasswordCredential c) {
            return signIn(request, context, c);
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SignedInUser.SESSION_KEY) instanceof SignedInUser user) {
            if (signInValid(user, session)) {
                return context.notifyContainerAboutLogin(user.username(), Set.of(user.role()));
            }
        }
        if (context.isProtected()) {
            String next = request.getRequestURI().substring(request.getContextPath().length());
            return context.redirect(request.getContextPath() + "/sign-in?next=" + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8));
        }
        return context.doNothing();
    }

    private AuthenticationStatus signIn(HttpServletRequest request, HttpMessageContext context,
                                        UsernamePasswordCredential credential) {
        CredentialValidationResult result = accounts.validate(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        String role = result.getCallerGroups().iterator().next();
        HttpSession session = request.getSession(true);
        request.changeSessionId();   // no session fixation
        long id = Long.parseLong(result.getCallerUniqueId());
        if (session.getAttribute(SignedInUser.SESSION_KEY) instanceof SignedInUser previous) {
            signIns.end(previous.signInId());   // signing in again (perhaps as another member) ends the last one
        }
        String signInId = signIns.start(id, Duration.ofSeconds(session.getMaxInactiveInterval()));
        session.setAttribute(SignedInUser.SESSION_KEY, new SignedInUser(result.getCallerPrincipal().getName(), role, id, signInId));
        FormToken.of(request.getSession());   // now, with the sign-in's write: page views then write nothing
        signedIn.fire(new SignedIn(result.getCallerPrincipal().getName(), id, request.getSession()));
        return context.notifyContainerAboutLogin(result.getCallerPrincipal().getName(), result.getCallerGroups());
    }

    /**
     * Whether the session's sign-in is still valid; a session whose sign-in ended (signed out or revoked,
     * perhaps on another node) is invalidated here too. While the grid cannot answer, the session counts as
     * signed out for this request (and is kept).
     */
    private boolean signInValid(SignedInUser user, HttpSession session) {
        boolean valid;
        try {
            valid = signIns.isValid(user.signInId(), user.id());
        } catch (RuntimeException gridFailure) {
            LOG.warning("cannot check a sign-in in the data grid, treating the request as a visitor's: " + gridFailure);
            return false;
        }
        if (!valid) {
            session.invalidate();
        }
        return valid;
    }

    /** MicroProfile JWT's verdict on the token, and a 401 for a genuine token that has been revoked since. */
    private AuthenticationStatus bearer(HttpServletRequest request, HttpServletResponse response,
                                        HttpMessageContext context, boolean api) throws AuthenticationException {
        AuthenticationStatus status = jwt().validateRequest(request, response, context);
        if (status != AuthenticationStatus.SUCCESS || !(context.getCallerPrincipal() instanceof JsonWebToken token)) {
            return status;
        }
        boolean current;
        try {
            current = auth.isCurrent(token);
        } catch (RuntimeException e) {
            if (!database.failed(e)) {
                throw e;
            }
            // Before any filter: the outage's answer (503, Retry-After) here, sent at once so it stays as it is.
            try {
                DatabaseOutageFilter.answer(request, response, api);
                response.flushBuffer();
            } catch (IOException | ServletException unsent) {
                throw new AuthenticationException(unsent);
            }
            return AuthenticationStatus.SEND_FAILURE;
        }
        if (!current) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"soundwave\", error=\"invalid_token\"");
            return context.responseUnauthorized();
        }
        return status;
    }

    private HttpAuthenticationMechanism jwt() {
        if (jwt == null) {
            for (Bean<?> bean : beans.getBeans(HttpAuthenticationMechanism.class, Any.Literal.INSTANCE)) {
                if (bean.getTypes().stream().anyMatch(t -> t.getTypeName().equals(MP_JWT_MECHANISM))) {
                    jwt = (HttpAuthenticationMechanism) beans.getReference(bean, HttpAuthenticationMechanism.class,
                            beans.createCreationalContext(bean));
                }
            }
            if (jwt == null) {
                throw new IllegalStateException("MicroProfile JWT's mechanism is not deployed (is @LoginConfig on the API?)");
            }
        }
        return jwt;
    }
}
