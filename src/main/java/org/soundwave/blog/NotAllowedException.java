package org.soundwave.blog;

import org.soundwave.platform.DomainException;

/** The caller may read the post but not change it: only its author or an administrator may. */
public class NotAllowedException extends DomainException {

    public NotAllowedException(String message) {
        super(403, "not-the-author", message);
    }
}
