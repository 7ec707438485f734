package org.soundwave.platform.web;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;

/**
 * A whole rendered response as the page cache keeps it: the headers the application set (never
 * Set-Cookie), the page as a template (visitors' and members' pages are both made from it, see
 * {@link PageTemplate}), and when it was rendered (for the Age header). Status is always 200.
 */
record CachedPage(String contentType, List<Header> headers, PageTemplate template, long renderedAtMillis)
        implements Serializable {

    @Serial
    private static final long serialVersionUID = 3L;

    record Header(String name, String value) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    /** Whole seconds since it was rendered. */
    long ageSeconds(long nowMillis) {
        return Math.max(0, (nowMillis - renderedAtMillis) / 1000);
    }
}
