package org.soundwave.platform.web;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;

/**
 * A whole rendered response as the page cache keeps it: the headers the application set (never
 * Set-Cookie), the body visitors get, when it was rendered (for the Age header) and, for pages with
 * personal parts, the template members' pages are filled from (null for others). Status is always 200.
 */
record CachedPage(String contentType, List<Header> headers, byte[] body, long renderedAtMillis,
                  PageTemplate template) implements Serializable {

    @Serial
    private static final long serialVersionUID = 2L;

    record Header(String name, String value) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    /** Whole seconds since it was rendered. */
    long ageSeconds(long nowMillis) {
        return Math.max(0, (nowMillis - renderedAtMillis) / 1000);
    }
}
