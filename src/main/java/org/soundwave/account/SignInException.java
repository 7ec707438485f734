package org.soundwave.account;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.soundwave.platform.DomainException;

/**
 * A sign-in refused: wrong username or password (one message for both, so it does not tell whether
 * the account exists), or too many recent failures ({@link #retryAfter()} present).
 */
public class SignInException extends DomainException {

    private final transient Optional<Duration> retryAfter;

    private SignInException(String message, Optional<Duration> retryAfter) {
        super(retryAfter.isPresent() ? 429 : 401, retryAfter.isPresent() ? "too-many-sign-ins" : "sign-in-failed", message);
        this.retryAfter = retryAfter;
    }

    static SignInException badCredentials() {
        return new SignInException("Wrong username or password.", Optional.empty());
    }

    static SignInException throttled(Duration wait) {
        return new SignInException("Too many failed sign-ins. Try again in " + Math.max(1, wait.toSeconds()) + " seconds.",
                Optional.of(wait));
    }

    static SignInException invalidToken() {
        return new SignInException("The token is invalid, expired or revoked.", Optional.empty());
    }

    public Optional<Duration> retryAfter() {
        return retryAfter;
    }

    /** Throttled: when to try again; refused: how to authenticate (a Bearer challenge). */
    @Override
    public Map<String, String> headers() {
        return retryAfter.map(wait -> Map.of("Retry-After", String.valueOf(Math.max(1, wait.toSeconds()))))
                .orElse(Map.of("WWW-Authenticate", "Bearer realm=\"soundwave\""));
    }
}
