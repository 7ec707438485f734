package org.soundwave.account;

import java.time.Duration;
import java.util.Optional;

/**
 * A sign-in refused: wrong username or password (one message for both, so it does not tell whether
 * the account exists), or too many recent failures ({@link #retryAfter()} present).
 */
public class SignInException extends RuntimeException {

    private final transient Optional<Duration> retryAfter;

    private SignInException(String message, Optional<Duration> retryAfter) {
        super(message);
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
}
