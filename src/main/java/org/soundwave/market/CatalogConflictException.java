package org.soundwave.market;

/** The change conflicts with what exists (a duplicate name, a second review, a category in use): 409. */
public class CatalogConflictException extends RuntimeException {

    public CatalogConflictException(String message) {
        super(message);
    }
}
