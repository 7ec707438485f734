package org.soundwave.market.catalog;

import java.util.Map;
import org.soundwave.platform.DomainException;

/** A field refers to something that does not exist (a category, an image): 400 naming the field. */
public class InvalidCatalogInputException extends DomainException {

    private final String field;

    public InvalidCatalogInputException(String field, String message) {
        super(400, "invalid-input", message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    @Override
    public String detail() {
        return "The request has invalid fields.";
    }

    @Override
    public Map<String, String> fieldErrors() {
        return Map.of(field, getMessage());
    }
}
