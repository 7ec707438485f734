package org.soundwave.market.catalog;

import org.soundwave.platform.DomainException;

/** The product (or category) does not exist, or is not for sale to this caller: 404. */
public class NoSuchProductException extends DomainException {

    public NoSuchProductException(String message) {
        super(404, "no-such-product", message);
    }
}
