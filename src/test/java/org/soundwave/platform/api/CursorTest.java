package org.soundwave.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The API's keyset cursor: opaque base64url of "instant|id", anything it did not produce decoded as empty. */
class CursorTest {

    private static final OffsetDateTime CREATED = OffsetDateTime.parse("2026-01-01T12:30:00.123456Z");

    /** What a client could send: any text, base64url-encoded the way cursors are. */
    private static String token(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0} | {1}")
    @CsvSource({
            "2026-01-01T12:30:00Z,                1",
            "2026-01-01T12:30:00.123456Z,         42",
            "2026-01-01T12:30:00.123456789Z,      9223372036854775807",
            "1970-01-01T00:00:00Z,                7",
            "1969-12-31T23:59:59.999Z,            7",
            "9999-12-31T23:59:59.999999Z,         100",
    })
    void decodeReturnsTheCursorThatWasEncoded(String created, long id) {
        Cursor cursor = new Cursor(OffsetDateTime.parse(created), id);
        assertEquals(Optional.of(cursor), Cursor.decode(cursor.encode()));
    }

    @Test
    void encodesAsUnpaddedBase64UrlThatIsSafeInAQueryString() {
        for (long id : new long[] {1, 22, 333, 4444, Long.MAX_VALUE}) {
            String encoded = new Cursor(CREATED, id).encode();
            assertTrue(encoded.matches("[A-Za-z0-9_-]+"), encoded);
        }
    }

    @Test
    void decodeKeepsTheInstantButReportsItInUtc() {
        Cursor local = new Cursor(OffsetDateTime.parse("2026-01-01T14:30:00+02:00"), 5);
        Cursor decoded = Cursor.decode(local.encode()).orElseThrow();
        assertTrue(decoded.created().isEqual(local.created()));
        assertEquals(ZoneOffset.UTC, decoded.created().getOffset());
        assertEquals(new Cursor(OffsetDateTime.parse("2026-01-01T12:30:00Z"), 5), decoded);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "not a cursor", "%%%%", "abc=def", "a", "MjAyNi0wMS0wMVQxMjozMDowMFp8NQ==x", "+/+/"})
    void decodeRejectsTextThatIsNotBase64UrlOfACursor(String garbage) {
        assertEquals(Optional.empty(), Cursor.decode(garbage));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {
            "hello", "2026-01-01T12:30:00Z", "2026-01-01T12:30:00Z|", "|5", "5|2026-01-01T12:30:00Z",
            "yesterday|5", "2026-01-01|5", "2026-01-01T12:30:00|5", "2026-13-01T12:30:00Z|5",
            "2026-01-01T12:30:00Z|five", "2026-01-01T12:30:00Z|5|6", "2026-01-01T12:30:00Z| 5", "2026-01-01T12:30:00Z|5.0",
    })
    void decodeRejectsWellFormedBase64ThatIsNotAnInstantAndAnId(String plain) {
        assertEquals(Optional.empty(), Cursor.decode(token(plain)));
    }

    @ParameterizedTest(name = "id {0}")
    @ValueSource(strings = {"0", "-1", "-9223372036854775808", "9223372036854775808"})
    void decodeRejectsIdsThatAreNotPositiveLongs(String id) {
        assertEquals(Optional.empty(), Cursor.decode(token("2026-01-01T12:30:00Z|" + id)));
    }

    @Test
    void decodeRejectsACursorTruncatedBeforeItsId() {
        String encoded = new Cursor(CREATED, 123456789).encode();
        int barAt = "2026-01-01T12:30:00.123456Z".length();
        // Every prefix that ends before the "|": invalid base64 or a timestamp without an id.
        for (int length = 0; length <= barAt * 4 / 3; length++) {
            assertEquals(Optional.empty(), Cursor.decode(encoded.substring(0, length)), "first " + length + " characters");
        }
    }

    @Test
    void decodeRejectsACursorWhoseTimestampWasAltered() {
        String plain = new String(Base64.getUrlDecoder().decode(new Cursor(CREATED, 9).encode()), StandardCharsets.UTF_8);
        assertEquals(Optional.empty(), Cursor.decode(token(plain.replace('T', 'X'))));
        assertEquals(Optional.empty(), Cursor.decode(token(plain.replace(':', '-'))));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"+1000000000-12-31T23:59:59Z", "-1000000000-01-01T00:00:00Z", "+10000-01-01T00:00:00Z",
            "-0001-12-31T23:59:59Z"})
    void decodeRejectsInstantsNoDatabaseTimestampHolds(String instant) {
        assertEquals(Optional.empty(), Cursor.decode(token(instant + "|1")));
    }

    @Test
    void decodeOfNothingIsEmpty() {
        assertEquals(Optional.empty(), Cursor.decode(null));
    }

    @Test
    void decodeAcceptsAnyWellFormedPositionBecauseCursorsAreOpaqueButNotSigned() {
        // A client can make up a position; it only chooses where its own list starts.
        assertEquals(Optional.of(new Cursor(OffsetDateTime.parse("2000-02-03T04:05:06Z"), 77)),
                Cursor.decode(token("2000-02-03T04:05:06Z|77")));
    }
}
