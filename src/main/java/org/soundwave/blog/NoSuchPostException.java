package org.soundwave.blog;

import org.soundwave.platform.DomainException;

/** The post asked for does not exist (or no longer does). */
public class NoSuchPostException extends DomainException {

    public NoSuchPostException(long id) {
        super(404, "no-such-post", "There is no post " + id + ".");
    }
}
