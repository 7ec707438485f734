package org.soundwave.platform;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;

/** Values in and out of native SQL, the same way for every repository. */
public final class NativeRows {

    private NativeRows() {
    }

    /**
     * Ids as a PostgreSQL array literal, for {@code = ANY (CAST(?1 AS bigint[]))}: one statement text (and
     * plan) whatever the number of ids.
     */
    public static String idArray(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }

    /** A timestamptz column as the driver returns it, in UTC. */
    public static OffsetDateTime timestamp(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt.withOffsetSameInstant(ZoneOffset.UTC);
        }
        return ((Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }
}
