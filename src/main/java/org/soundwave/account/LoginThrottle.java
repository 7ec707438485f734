package org.soundwave.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.cache.Cache;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.soundwave.platform.cache.Caches;

/**
 * Slows down password guessing, cluster-wide: after N failed sign-ins for an account (or from an
 * address) further attempts are refused for 30 s, doubling with each failure up to 15 min. Counts live
 * in the data grid and are updated with compare-and-set, so concurrent failures on any node all count.
 */
@ApplicationScoped
public class LoginThrottle {

    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(30);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(15);

    @Inject
    Caches caches;

    @Inject
    @ConfigProperty(name = "soundwave.login.max-failures-per-account")
    int maxPerAccount;

    @Inject
    @ConfigProperty(name = "soundwave.login.max-failures-per-address")
    int maxPerAddress;

    /**
     * How long the caller must wait before trying again, if at all. {@code account} is the canonical
     * username ({@link Usernames}); empty for a name no account can have, which only the address counts.
     */
    public Optional<Duration> retryAfter(Optional<String> account, String address) {
        Instant now = Instant.now();
        Duration forAccount = account.map(name -> wait(read(accountKey(name)), maxPerAccount, now)).orElse(Duration.ZERO);
        Duration client = wait(read(addressKey(address)), maxPerAddress, now);
        Duration longest = forAccount.compareTo(client) >= 0 ? forAccount : client;
        return longest.isZero() ? Optional.empty() : Optional.of(longest);
    }

    public void failed(Optional<String> account, String address) {
        account.ifPresent(name -> increment(accountKey(name)));
        increment(addressKey(address));
    }

    public void succeeded(String account) {
        caches.loginFailures().remove(accountKey(account));
    }

    private static String accountKey(String canonicalUsername) {
        return "account:" + canonicalUsername;
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }

    /** A failure count and when the last failure happened, stored as "count:epochMillis". Package-private for tests. */
    record Failures(int count, Instant last) {
        static final Failures NONE = new Failures(0, Instant.EPOCH);

        static Failures parse(String value) {
            if (value == null) {
                return NONE;
            }
            int colon = value.indexOf(':');
            return new Failures(Integer.parseInt(value.substring(0, colon)),
                    Instant.ofEpochMilli(Long.parseLong(value.substring(colon + 1))));
        }

        String format() {
            return count + ":" + last.toEpochMilli();
        }
    }

    private Failures read(String key) {
        return Failures.parse(caches.loginFailures().get(key));
    }

    /** How long is left of the backoff these failures earn at the given limit (zero below it). Package-private for tests. */
    static Duration wait(Failures failures, int max, Instant now) {
        if (failures.count() < max) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures.count() - max, 10);
        Duration backoff = FIRST_BACKOFF.multipliedBy(1L << doublings);
        if (backoff.compareTo(MAX_BACKOFF) > 0) {
            backoff = MAX_BACKOFF;
        }
        Duration left = Duration.between(now, failures.last().plus(backoff));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private void increment(String key) {
        Cache<String, String> cache = caches.loginFailures();
        while (true) {
            String old = cache.get(key);
            String next = new Failures(Failures.parse(old).count() + 1, Instant.now()).format();
            if (old == null ? cache.putIfAbsent(key, next) : cache.replace(key, old, next)) {
                return;
            }
        }
    }
}
