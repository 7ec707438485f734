package org.soundwave.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id of the request being served, as httpd assigned it (mod_unique_id, passed on in
 * {@code X-Request-Id}) or, for a request that reached the node directly, made up here. The node's
 * request log, httpd's access log and every error logged while serving the request carry it, so one id
 * finds a request on both sides; clients see it in the response's {@code X-Request-Id} and in a 500's
 * incident number.
 */
public final class RequestId {

    public static final String HEADER = "X-Request-Id";

    /** What httpd's mod_unique_id produces (base64url), or a UUID; anything else is replaced, not logged. */
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9@_.:+=-]{8,64}");
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private RequestId() {
    }

    static String of(HttpServletRequest request) {
        String given = request.getHeader(HEADER);
        return given != null && ACCEPTED.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }

    static void enter(String id) {
        CURRENT.set(id);
    }

    static void leave() {
        CURRENT.remove();
    }

    /** The id of the request this thread serves, or a fresh one outside any request (a background task). */
    public static String current() {
        String id = CURRENT.get();
        return id != null ? id : UUID.randomUUID().toString();
    }
}
