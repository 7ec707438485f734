package org.soundwave.platform.api;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * A keyset position in a newest-first list: the (created, id) of the last row a client saw. The next
 * page starts strictly after it, so deep pages cost what the first one does and rows inserted meanwhile
 * neither repeat nor vanish. Opaque to clients (base64url).
 */
public record Cursor(OffsetDateTime created, long id) {

    public String encode() {
        String plain = created.toInstant() + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** Earliest and latest instants a position may name: what PostgreSQL's timestamptz and OffsetDateTime hold. */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    /** The position a client sent back; empty for anything this class did not produce (or none at all). */
    public static Optional<Cursor> decode(String token) {
        if (token == null) {
            return Optional.empty();
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int bar = plain.indexOf('|');
            if (bar < 0) {
                return Optional.empty();
            }
            Instant created = Instant.parse(plain.substring(0, bar));
            long id = Long.parseLong(plain.substring(bar + 1));
            if (id <= 0 || created.isBefore(EARLIEST) || created.isAfter(LATEST)) {
                return Optional.empty();
            }
            return Optional.of(new Cursor(created.atOffset(ZoneOffset.UTC), id));
        } catch (IllegalArgumentException | DateTimeException e) {
            return Optional.empty();
        }
    }
}
