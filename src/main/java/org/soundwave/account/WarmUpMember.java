package org.soundwave.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The member account a node's warm-up pass signs in with (platform/health/WarmUp), so that what a
 * signed-in member's requests run (their session's authentication, the page cache filling in their pages)
 * is compiled before the node serves anyone. One account per node, {@code warm-up-<node>}, an ordinary
 * member with no posts; each pass gives it a new random password that only that JVM holds, and forgets it.
 */
@ApplicationScoped
public class WarmUpMember {

    private static final Logger LOG = Logger.getLogger(WarmUpMember.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    AccountService accounts;

    /** This node's warm-up member with a new password; empty if the account cannot be set up. */
    public Optional<Credentials> prepare(String node) {
        String username = ("warm-up-" + node).replaceAll("[^A-Za-z0-9._-]", "-");
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        try {
            if (accounts.resetWarmUpMember(username, username + "@soundwave.invalid",
                    "Signs in during " + node + "'s warm-up pass.", password)) {
                return Optional.of(new Credentials(username, password));
            }
            LOG.warning("the account " + username + " is not a warm-up member's: the warm-up browses without signing in");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "no warm-up member: " + e, e);
        }
        return Optional.empty();
    }
}
