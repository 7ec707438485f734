package org.soundwave.platform;

import java.util.Map;

/**
 * A failure the caller can act on (no such post, out of stock, not yours, taken username, ...), carrying
 * what the API answers for it: the HTTP status, the problem type (a slug under
 * {@code https://soundwave.example/problems/}), a detail, the fields at fault and any response headers.
 * One mapper, {@code platform.api.DomainProblemMapper}, turns every one into problem+json; pages show
 * its message. Subclasses name the failure; none maps itself.
 */
public abstract class DomainException extends RuntimeException {

    private final int status;
    private final String type;

    protected DomainException(int status, String type, String message) {
        super(message);
        this.status = status;
        this.type = type;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    /** The problem's detail: the message, unless the message is about one field (see {@link #fieldErrors()}). */
    public String detail() {
        return getMessage();
    }

    /** The fields at fault, field → what is wrong with it, in order (none by default). */
    public Map<String, String> fieldErrors() {
        return Map.of();
    }

    /** Headers the answer carries, such as Retry-After (none by default). */
    public Map<String, String> headers() {
        return Map.of();
    }
}
