package org.soundwave.market.order;

import org.soundwave.platform.DomainException;

/** No such order, or not the caller's (the same answer, so ids of others' orders reveal nothing): 404. */
public class NoSuchOrderException extends DomainException {

    public NoSuchOrderException(long id) {
        super(404, "no-such-order", "There is no order " + id + " of yours.");
    }
}
