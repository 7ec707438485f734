package org.soundwave.market.catalog;

import org.soundwave.platform.DomainException;

/** The change conflicts with what exists (a duplicate name, a second review, a category in use): 409. */
public class CatalogConflictException extends DomainException {

    public CatalogConflictException(String message) {
        super(409, "conflict", message);
    }
}
