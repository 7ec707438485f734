package org.soundwave.market;

/** A field refers to something that does not exist (a category, an image): 400 naming the field. */
public class InvalidCatalogInputException extends RuntimeException {

    private final String field;

    public InvalidCatalogInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
