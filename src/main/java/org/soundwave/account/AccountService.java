package org.soundwave.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** Opening accounts. Shared by the API and the pages. */
@ApplicationScoped
public class AccountService {

    @PersistenceContext(unitName = "soundwave")
    EntityManager em;

    @Inject
    PasswordHashing passwords;

    @Inject
    CredentialThrottle hashing;

    /**
     * Opens a member's account; {@link AccountConflictException} if the username or email is taken,
     * {@link TooManyAttemptsException} if the client's address has used up its hashes for the minute.
     */
    @Transactional
    public AccountView register(Registration registration, String clientAddress) {
        hashing.take(clientAddress);
        long id = insert(registration, Role.MEMBER)
                .orElseThrow(() -> new AccountConflictException(usernameTaken(registration.getUsername()) ? "username" : "email"));
        return AccountView.of(em.find(User.class, id));
    }

    /** The account of a signed-in user. */
    public Optional<AccountView> account(String username) {
        return User.byUsername(em, username).map(AccountView::of);
    }

    /** Saves the owner's edits of their profile. */
    @Transactional
    public AccountView updateProfile(String username, ProfileUpdate update) {
        User user = User.byUsername(em, username).orElseThrow(() -> new IllegalStateException("no account " + username));
        user.updateProfile(update);
        return AccountView.of(user);
    }

    /**
     * Creates the administrator unless an account by that name exists; true if it was created now. Every
     * node start asks: the password is hashed (a PBKDF2 computation on the start's path) only when the
     * account is missing.
     */
    @Transactional
    public boolean ensureAdmin(String username, String email, String password) {
        if (usernameTaken(username)) {
            return false;
        }
        Registration admin = new Registration(username, email, password, "Soundwave's administrator.", null, null, null);
        return insert(admin, Role.ADMIN).isPresent();
    }

    /**
     * Gives a node's warm-up member (see {@link WarmUpMember}) a new password, creating the account the
     * first time. An account of that name that is not a warm-up member's is left alone: false.
     */
    @Transactional
    public boolean resetWarmUpMember(String username, String email, String bio, String password) {
        return !em.createNativeQuery("""
                        INSERT INTO app_user (username, email, password_hash, bio, phone, city, address, role)
                        VALUES (?, ?, ?, ?, '', '', '', 'MEMBER')
                        ON CONFLICT ((lower(username))) DO UPDATE SET password_hash = EXCLUDED.password_hash
                            WHERE app_user.email = EXCLUDED.email AND app_user.bio = EXCLUDED.bio AND app_user.role = 'MEMBER'
                        RETURNING id""")
                .setParameter(1, username)
                .setParameter(2, email)
                .setParameter(3, passwords.hash(password))
                .setParameter(4, bio)
                .getResultList().isEmpty();
    }

    /**
     * Inserts in one statement that cannot race: of two registrations of the same name at once, the
     * unique index lets exactly one through and the other inserts nothing (empty result).
     */
    private Optional<Long> insert(Registration r, Role role) {
        List<?> ids = em.createNativeQuery("""
                        INSERT INTO app_user (username, email, password_hash, bio, phone, city, address, role)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT DO NOTHING
                        RETURNING id""")
                .setParameter(1, r.getUsername())
                .setParameter(2, r.getEmail().strip())
                .setParameter(3, passwords.hash(r.getPassword()))
                .setParameter(4, Registration.orEmpty(r.getBio()))
                .setParameter(5, Registration.orEmpty(r.getPhone()))
                .setParameter(6, Registration.orEmpty(r.getCity()))
                .setParameter(7, Registration.orEmpty(r.getAddress()))
                .setParameter(8, role.name())
                .getResultList();
        return ids.stream().findFirst().map(id -> ((Number) id).longValue());
    }

    private boolean usernameTaken(String username) {
        return User.byUsername(em, username).isPresent();
    }

}
