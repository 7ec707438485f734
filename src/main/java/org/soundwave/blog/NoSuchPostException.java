package org.soundwave.blog;

/** The post asked for does not exist (or no longer does). */
public class NoSuchPostException extends RuntimeException {

    public NoSuchPostException(long id) {
        super("There is no post " + id + ".");
    }
}
