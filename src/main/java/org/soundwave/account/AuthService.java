package org.soundwave.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.json.JsonNumber;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

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
    CredentialThrottle hashing;

    @Inject
    TokenService tokens;

    @Inject
    SignIns signIns;

    @Inject
    RefreshFamilies families;

    private volatile String decoyHash;

    /**
     * The user these credentials belong to. An unknown username costs the same hashing work as a wrong
     * password, and gets the same answer. {@link SignInException} for wrong or throttled credentials,
     * {@link TooManyAttemptsException} when the client's address has used up its hashes for the minute.
     */
    public User authenticate(Credentials credentials, String clientAddress) {
        Optional<String> account = Usernames.canonical(credentials.getUsername());
        throttle.retryAfter(account, clientAddress).ifPresent(wait -> {
            throw SignInException.throttled(wait);
        });
        hashing.take(clientAddress);
        Optional<User> user = account.flatMap(name -> User.byUsername(em, name));
        boolean matches = passwords.matches(credentials.getPassword(), user.map(User::passwordHash).orElseGet(this::decoyHash));
        if (user.isEmpty() || !matches) {
            throttle.failed(account, clientAddress);
            throw SignInException.badCredentials();
        }
        throttle.succeeded(account.get());
        return user.get();
    }

    /** A sign-in through the API: an access token and the first refresh token of a new family. */
    public TokenPair issueTokens(Credentials credentials, String clientAddress) {
        User user = authenticate(credentials, clientAddress);
        return tokens.issue(user, families.start(user.id(), Instant.now().plus(tokens.refreshTtl())));
    }

    /**
     * A new pair for a genuine refresh token whose user exists, has not revoked it, and that is its
     * family's current one; a replayed one (already exchanged) revokes its family instead.
     */
    public TokenPair refresh(String refreshToken) {
        TokenService.RefreshClaims claims = tokens.verifyRefresh(refreshToken).orElseThrow(SignInException::invalidToken);
        User user = current(claims.userId(), claims.tokenVersion()).orElseThrow(SignInException::invalidToken);
        RefreshFamilies.Link next = families.rotate(claims.family(), claims.userId(), claims.jti())
                .orElseThrow(SignInException::invalidToken);
        return tokens.issue(user, next);
    }

    /** Invalidates every token issued to the user so far, and ends their page sessions on every node. */
    @Transactional
    public void revokeTokens(long userId) {
        em.createQuery("UPDATE User u SET u.tokenVersion = u.tokenVersion + 1 WHERE u.id = :id")
                .setParameter("id", userId)
                .executeUpdate();
        signIns.endAll(userId);
    }

    /**
     * Whether a verified access token has not been revoked since it was issued: its token version is still
     * its account's (and the account exists).
     */
    public boolean isCurrent(JsonWebToken token) {
        Object version = token.getClaim(TokenService.TOKEN_VERSION);
        try {
            int tokenVersion;
            if (version instanceof JsonNumber n) {
                tokenVersion = n.intValueExact();
            } else if (version instanceof Number n) {
                tokenVersion = n.intValue();
            } else if (version != null) {
                tokenVersion = Integer.parseInt(version.toString());
            } else {
                return false;
            }
            return current(Long.parseLong(token.getSubject()), tokenVersion).isPresent();
        } catch (ArithmeticException | NumberFormatException e) {
            return false;
        }
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
