package org.soundwave.market;

/** No such order, or not the caller's (the same answer, so ids of others' orders reveal nothing): 404. */
public class NoSuchOrderException extends RuntimeException {

    public NoSuchOrderException(long id) {
        super("There is no order " + id + " of yours.");
    }
}
