package org.soundwave.account;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import javax.cache.Cache;
import org.eclipse.microprofile.config.Config;
import org.soundwave.platform.cache.Caches;

/**
 * Bounds the password hashing one client address can ask for: every sign-up and every sign-in (pages and
 * API, right or wrong) costs a PBKDF2 hash, about a third of a second of a core, so each address gets
 * {@code soundwave.credentials.per-address-per-minute} of them per minute, cluster-wide (a counter per
 * address and minute in the grid, raised with compare-and-set), and then 429 with Retry-After until the
 * minute ends. {@code soundwave.credentials.exempt-addresses} lists addresses without a bound (none by default).
 */
@ApplicationScoped
public class CredentialThrottle {

    @Inject
    Caches caches;

    @Inject
    Config config;

    private int perMinute;
    private Set<String> exempt;

    @PostConstruct
    void read() {
        perMinute = config.getValue("soundwave.credentials.per-address-per-minute", Integer.class);
        exempt = Set.copyOf(config.getOptionalValues("soundwave.credentials.exempt-addresses", String.class).orElse(List.of()));
    }

    /** Counts one hash for the address; {@link TooManyAttemptsException} if its minute's are used up. */
    public void take(String address) {
        if (exempt.contains(address)) {
            return;
        }
        Instant now = Instant.now();
        long minute = now.getEpochSecond() / 60;
        String key = "hashes:" + address + ":" + minute;
        Cache<String, String> counts = caches.loginFailures();
        while (true) {
            String old = counts.get(key);
            int used = old == null ? 0 : Integer.parseInt(old);
            if (used >= perMinute) {
                throw new TooManyAttemptsException(Duration.ofSeconds((minute + 1) * 60 - now.getEpochSecond()));
            }
            String next = String.valueOf(used + 1);
            if (old == null ? counts.putIfAbsent(key, next) : counts.replace(key, old, next)) {
                return;
            }
        }
    }
}
