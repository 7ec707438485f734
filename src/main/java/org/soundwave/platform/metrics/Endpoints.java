package org.soundwave.platform.metrics;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The endpoint a request path belongs to, as the request metrics name it: numbers become {@code {id}},
 * the names in tag, author, shop-category and cache-level paths become {@code {name}}, static resources
 * are one endpoint, and a path nothing answered (404) is {@code unmatched}. So /posts/17 and /posts/42
 * are both {@code /posts/{id}}, and nobody can grow the metrics without bound by inventing paths.
 */
public final class Endpoints {

    public static final String UNMATCHED = "unmatched";

    /** Segments after which the next one is a name, not a fixed word. */
    private static final Set<String> NAMED = Set.of("tags", "authors", "shop", "caches");
    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z0-9._-]{0,39}");
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,19}");
    private static final int MAX_SEGMENTS = 6;

    private Endpoints() {
    }

    public static String of(String path, int status) {
        if (status == 404 || path == null || !path.startsWith("/")) {
            return UNMATCHED;
        }
        if (path.startsWith("/jakarta.faces.resource/") || path.startsWith("/resources/")) {
            return "/resources";
        }
        String[] segments = path.substring(1).split("/", -1);
        if (segments.length > MAX_SEGMENTS) {
            return UNMATCHED;
        }
        StringBuilder endpoint = new StringBuilder();
        String previous = "";
        for (String segment : segments) {
            endpoint.append('/');
            if (NUMBER.matcher(segment).matches()) {
                endpoint.append("{id}");
            } else if (NAMED.contains(previous) && !segment.isEmpty() && !"entries".equals(segment)) {
                endpoint.append("{name}");
            } else if (segment.isEmpty() || WORD.matcher(segment).matches()) {
                endpoint.append(segment);
            } else {
                return UNMATCHED;
            }
            previous = segment;
        }
        return endpoint.toString();
    }
}
