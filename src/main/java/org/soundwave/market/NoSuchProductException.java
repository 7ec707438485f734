package org.soundwave.market;

/** The product (or category) does not exist, or is not for sale to this caller: 404. */
public class NoSuchProductException extends RuntimeException {

    public NoSuchProductException(String message) {
        super(message);
    }
}
