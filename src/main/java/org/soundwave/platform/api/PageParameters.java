package org.soundwave.platform.api;

/**
 * The query parameters every paged list of the API takes: {@code limit} (1 to {@value #MAX_LIMIT}) and
 * {@code cursor} (the {@code nextCursor} of the previous page). Bad values are 400 problems naming them.
 */
public final class PageParameters {

    public static final int MAX_LIMIT = 100;

    private PageParameters() {
    }

    /** Checked here rather than with @Min/@Max: Payara's OpenAPI generator fails on those on a query parameter. */
    public static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw Problem.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
    }

    /** The position a client sent back, or null for the first page (no cursor). */
    public static Cursor cursor(String token) {
        return token == null ? null
                : Cursor.decode(token).orElseThrow(() -> Problem.invalid("cursor", "is not a cursor this API issued"));
    }
}
