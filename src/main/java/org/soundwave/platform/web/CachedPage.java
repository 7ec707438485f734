package org.soundwave.platform.web;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;

/**
 * A whole rendered response as the page cache keeps it: the headers the application set (never
 * Set-Cookie), the body, when it was rendered (for the Age header). A page with personal parts keeps its
 * template instead of the body (null then): visitors' and members' pages are both made from it, and the
 * stored page is no larger than the body would be. Status is always 200.
 */
record CachedPage(String contentType, List<Header> headers, byte[] body, long renderedAtMillis,
                  PageTemplate template) implements Serializable {

    @Serial
    private static final long serialVersionUID = 2L;

    record Header(String name, String value) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    /** The page a visitor gets. */
    byte[] visitorBody() {
        return body != null ? body : template.visitorBody();
    }

    /** Whole seconds since it was rendered. */
    long ageSeconds(long nowMillis) {
        return Math.max(0, (nowMillis - renderedAtMillis) / 1000);
    }
}
