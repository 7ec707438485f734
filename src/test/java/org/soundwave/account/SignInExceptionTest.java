package org.soundwave.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A refused sign-in answers 401 with a Bearer challenge; a throttled one 429 with when to try again. */
class SignInExceptionTest {

    @Test
    void wrongCredentialsAre401WithABearerChallenge() {
        SignInException refused = SignInException.badCredentials();
        assertEquals(401, refused.status());
        assertEquals("sign-in-failed", refused.type());
        assertEquals(Map.of("WWW-Authenticate", "Bearer realm=\"soundwave\""), refused.headers());
    }

    @Test
    void throttledIs429WithRetryAfterInWholeSecondsAtLeastOne() {
        SignInException throttled = SignInException.throttled(Duration.ofMillis(2500));
        assertEquals(429, throttled.status());
        assertEquals("too-many-sign-ins", throttled.type());
        assertEquals(Map.of("Retry-After", "2"), throttled.headers());
        assertEquals(Map.of("Retry-After", "1"), SignInException.throttled(Duration.ofMillis(10)).headers());
    }

    @Test
    void anInvalidTokenIs401() {
        assertEquals(401, SignInException.invalidToken().status());
    }
}
