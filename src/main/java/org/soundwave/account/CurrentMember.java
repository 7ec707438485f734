package org.soundwave.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.soundwave.account.web.SignedInUser;

/**
 * Who makes this request, worked out once per request: on the API from the access token (its subject is
 * the account id), on the pages from the signed-in session ({@link SignedInUser} keeps the id since
 * sign-in). Page beans, resources and services ask this instead of looking the account up by name.
 * Only a session signed in before the id was kept costs one lookup.
 */
@RequestScoped
public class CurrentMember {

    /** The signed-in account as the request needs it. */
    public record Member(long id, String username, boolean admin) {
    }

    @Inject
    SecurityContext security;

    @Inject
    HttpServletRequest request;

    @PersistenceContext(unitName = "soundwave")
    EntityManager em;

    private Optional<Member> member;

    /** The signed-in member; empty for a visitor. */
    public Optional<Member> get() {
        if (member == null) {
            member = resolve();
        }
        return member;
    }

    /** The signed-in member, for code that only runs for one (a protected page or resource). */
    public Member require() {
        return get().orElseThrow(() -> new IllegalStateException("nobody is signed in on this request"));
    }

    public boolean isSignedIn() {
        return get().isPresent();
    }

    private Optional<Member> resolve() {
        Principal principal = security.getCallerPrincipal();
        if (principal == null) {
            return Optional.empty();
        }
        boolean admin = security.isCallerInRole(Role.ADMIN.group());
        if (principal instanceof JsonWebToken token) {
            return Optional.of(new Member(Long.parseLong(token.getSubject()), token.getName(), admin));
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SignedInUser.SESSION_KEY) instanceof SignedInUser user
                && user.id() > 0 && user.username().equals(principal.getName())) {
            return Optional.of(new Member(user.id(), user.username(), admin));
        }
        return User.byUsername(em, principal.getName()).map(user -> new Member(user.id(), user.username(), admin));
    }
}
