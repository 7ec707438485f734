package org.soundwave.market;

/** The order cannot make this move from where it is (e.g. cancelling a paid order): 409. */
public class OrderConflictException extends RuntimeException {

    public OrderConflictException(String message) {
        super(message);
    }
}
