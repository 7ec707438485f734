package org.soundwave.blog;

/** The caller may read the post but not change it: only its author or an administrator may. */
public class NotAllowedException extends RuntimeException {

    public NotAllowedException(String message) {
        super(message);
    }
}
