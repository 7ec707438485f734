package org.soundwave.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The sign-in backoff: 30 s at the limit, doubling with each further failure, at most 15 min, from the last failure. */
class LoginThrottleTest {

    private static final int MAX = 5;
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private static Duration waitAfter(int failures, Instant last) {
        return LoginThrottle.wait(new LoginThrottle.Failures(failures, last), MAX, NOW);
    }

    @ParameterizedTest(name = "{0} failures")
    @ValueSource(ints = {0, 1, 4})
    void noWaitBelowTheLimitEvenRightAfterAFailure(int failures) {
        assertEquals(Duration.ZERO, waitAfter(failures, NOW));
    }

    @Test
    void noWaitWithoutAnyRecordedFailure() {
        assertEquals(LoginThrottle.Failures.NONE, LoginThrottle.Failures.parse(null));
        assertEquals(Duration.ZERO, LoginThrottle.wait(LoginThrottle.Failures.NONE, MAX, NOW));
        assertEquals(Duration.ZERO, LoginThrottle.wait(LoginThrottle.Failures.NONE, 0, NOW));
    }

    @ParameterizedTest(name = "{0} failures → {1} s")
    @CsvSource({
            "5,  30",
            "6,  60",
            "7,  120",
            "8,  240",
            "9,  480",
    })
    void theWaitStartsAtThirtySecondsAndDoublesWithEachFurtherFailure(int failures, long seconds) {
        assertEquals(Duration.ofSeconds(seconds), waitAfter(failures, NOW));
    }

    @ParameterizedTest(name = "{0} failures")
    @ValueSource(ints = {10, 11, 15, 16, 100, Integer.MAX_VALUE})
    void theWaitNeverExceedsFifteenMinutes(int failures) {
        assertEquals(Duration.ofMinutes(15), waitAfter(failures, NOW));
    }

    @Test
    void theWaitCountsFromTheLastFailure() {
        assertEquals(Duration.ofSeconds(20), waitAfter(MAX, NOW.minusSeconds(10)));
        assertEquals(Duration.ofMillis(1), waitAfter(MAX, NOW.minusMillis(29_999)));
        assertEquals(Duration.ofMinutes(5), waitAfter(MAX + 10, NOW.minus(Duration.ofMinutes(10))));
    }

    @ParameterizedTest(name = "last failure {0} s ago")
    @ValueSource(ints = {30, 31, 3600})
    void noWaitOnceTheBackoffHasPassed(int secondsAgo) {
        assertEquals(Duration.ZERO, waitAfter(MAX, NOW.minusSeconds(secondsAgo)));
    }

    @Test
    void failuresAreStoredAsCountColonEpochMillisAndReadBack() {
        LoginThrottle.Failures failures = new LoginThrottle.Failures(3, Instant.parse("2026-03-01T10:00:00.123Z"));
        assertEquals("3:1772359200123", failures.format());
        assertEquals(failures, LoginThrottle.Failures.parse(failures.format()));
    }

    @Test
    void theStoredFormKeepsTheLastFailureToTheMillisecond() {
        Instant precise = Instant.parse("2026-03-01T10:00:00.123456789Z");
        LoginThrottle.Failures read = LoginThrottle.Failures.parse(new LoginThrottle.Failures(1, precise).format());
        assertEquals(Instant.parse("2026-03-01T10:00:00.123Z"), read.last());
    }
}
