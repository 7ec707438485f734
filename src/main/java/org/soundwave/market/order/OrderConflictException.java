package org.soundwave.market.order;

import org.soundwave.platform.DomainException;

/** The order cannot make this move from where it is (e.g. cancelling a paid order): 409. */
public class OrderConflictException extends DomainException {

    public OrderConflictException(String message) {
        super(409, "illegal-transition", message);
    }
}
