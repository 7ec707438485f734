package org.soundwave.account;

import java.time.Duration;
import java.util.Map;
import org.soundwave.platform.DomainException;

/** Too many sign-ups and sign-ins from one client address this minute (see {@link CredentialThrottle}): 429 with Retry-After. */
public class TooManyAttemptsException extends DomainException {

    private final transient Duration wait;

    TooManyAttemptsException(Duration wait) {
        super(429, "too-many-attempts", "Too many sign-ups and sign-ins from your address. Try again in "
                + Math.max(1, wait.toSeconds()) + " seconds.");
        this.wait = wait;
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("Retry-After", String.valueOf(Math.max(1, wait.toSeconds())));
    }
}
