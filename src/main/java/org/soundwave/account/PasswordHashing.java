package org.soundwave.account;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * PBKDF2WithHmacSHA256 with a 32-byte salt and 210,000 iterations (OWASP's 2023 figure for this algorithm),
 * or as many as {@code soundwave.password.iterations} says (at least 1,024, Soteria's least). Each stored
 * hash names its own iterations, so a hash made with another setting still verifies. The test cluster
 * sets 1,024, as Django's own test advice swaps in a fast hasher: the suite opens and signs in hundreds of
 * accounts, each a PBKDF2 computation of most of a second on its C1-only nodes.
 */
@ApplicationScoped
public class PasswordHashing {

    static final int ITERATIONS = 210_000;

    @Inject
    Pbkdf2PasswordHash hash;

    @Inject
    @ConfigProperty(name = "soundwave.password.iterations", defaultValue = "" + ITERATIONS)
    int iterations;

    @PostConstruct
    void configure() {
        hash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", String.valueOf(iterations),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
    }

    public String hash(String password) {
        return hash.generate(password.toCharArray());
    }

    public boolean matches(String password, String stored) {
        return hash.verify(password.toCharArray(), stored);
    }
}
