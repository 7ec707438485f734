package org.soundwave.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** Signing in, token refresh and revocation, shared by the API and the pages. */
@ApplicationScoped
public class AuthService {

    @PersistenceContext(unitName = "soundwave")
    EntityManager em;

    @Inject
    PasswordHashing passwords;

    @Inject
    LoginThrottle throttle;

    @Inject
    TokenService tokens;

    private volatile String decoyHash;

    /**
     * The user these credentials belong to. An unknown username costs the same hashing work as a wrong
     * password, and gets the same answer.
     */
    public User authenticate(Credentials credentials, String clientAddress) {
        if (credentials.getUsername().indexOf('\0') >= 0) {
            throw SignInException.badCredentials();   // no account has one; PostgreSQL cannot even compare it
        }
        throttle.retryAfter(credentials.getUsername(), clientAddress).ifPresent(wait -> {
            throw SignInException.throttled(wait);
        });
        Optional<User> user = User.byUsername(em, credentials.getUsername());
        boolean matches = passwords.matches(credentials.getPassword(), user.map(User::passwordHash).orElseGet(this::decoyHash));
        if (user.isEmpty() || !matches) {
            throttle.failed(credentials.getUsername(), clientAddress);
            throw SignInException.badCredentials();
        }
        throttle.succeeded(credentials.getUsername());
        return user.get();
    }

    public TokenPair issueTokens(Credentials credentials, String clientAddress) {
        return tokens.issue(authenticate(credentials, clientAddress));
    }

    /** A new pair for a genuine refresh token whose user exists and has not revoked it. */
    public TokenPair refresh(String refreshToken) {
        return tokens.verifyRefresh(refreshToken)
                .flatMap(claims -> current(claims.userId(), claims.tokenVersion()))
                .map(tokens::issue)
                .orElseThrow(SignInException::invalidToken);
    }

    /** Invalidates every token issued to the user so far. */
    @Transactional
    public void revokeTokens(long userId) {
        em.createQuery("UPDATE User u SET u.tokenVersion = u.tokenVersion + 1 WHERE u.id = :id")
                .setParameter("id", userId)
                .executeUpdate();
    }

    /** The user, if a token with this version is still theirs to use. */
    public Optional<User> current(long userId, int tokenVersion) {
        return Optional.ofNullable(em.find(User.class, userId)).filter(u -> u.tokenVersion() == tokenVersion);
    }

    public Optional<AccountView> account(long userId) {
        return Optional.ofNullable(em.find(User.class, userId)).map(AccountView::of);
    }

    public List<AccountView> accounts(int limit) {
        return em.createQuery("SELECT u FROM User u ORDER BY u.id", User.class)
                .setMaxResults(limit)
                .getResultStream()
                .map(AccountView::of)
                .toList();
    }


    private String decoyHash() {
        if (decoyHash == null) {
            decoyHash = passwords.hash("decoy password for unknown usernames");
        }
        return decoyHash;
    }
}
