package org.soundwave.platform.web;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.soundwave.platform.web.ServletFakes.requestFrom;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The request id: httpd's if it looks like one, else a fresh UUID, so nothing odd reaches the logs. */
class RequestIdTest {

    private static String idFor(String header) {
        Map<String, String> headers = new HashMap<>();
        headers.put(RequestId.HEADER, header);
        return RequestId.of(requestFrom("127.0.0.1", headers));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"aGVsbG8td29ybGQ", "ZmQ3@Yn8AAQEAAAs1B9kAAAAB", "3f2b8a9e-6c1d-4e7f-9a2b-1c3d4e5f6a7b", "a.b:c+d=e_f-g@h",
            "12345678", "a234567890123456789012345678901234567890123456789012345678901234"})
    void keepsTheIdHttpdAssigned(String given) {
        assertEquals(given, idFor(given));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullSource
    @ValueSource(strings = {"", "short", "1234567", "a2345678901234567890123456789012345678901234567890123456789012345",
            "has spaces in it", "abcdefgh\nINFO forged log line", "<script>alert(1)</script>", "id;rm -rf /", "ünïcödé-id"})
    void replacesAMissingOrSuspiciousIdWithAFreshUuid(String given) {
        String id = idFor(given);
        assertNotEquals(given, id);
        assertDoesNotThrow(() -> UUID.fromString(id));
    }

    @Test
    void theCurrentIdIsTheEnteredOneUntilTheRequestIsLeft() {
        RequestId.enter("req-12345678");
        try {
            assertEquals("req-12345678", RequestId.current());
            assertEquals("req-12345678", RequestId.current());
        } finally {
            RequestId.leave();
        }
        String outside = RequestId.current();
        assertNotEquals("req-12345678", outside);
        assertDoesNotThrow(() -> UUID.fromString(outside));
        assertNotEquals(outside, RequestId.current());   // a fresh one each time outside a request
    }
}
