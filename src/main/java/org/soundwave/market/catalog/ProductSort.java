package org.soundwave.market.catalog;

import java.util.Optional;
import java.util.stream.Stream;

/** The orders a product listing can have; each is served by an index, with the id as tie-breaker. */
public enum ProductSort {
    NAME("name", "lower(p.name)", "ASC"),
    NAME_DESC("-name", "lower(p.name)", "DESC"),
    PRICE("price", "p.price", "ASC"),
    PRICE_DESC("-price", "p.price", "DESC");

    private final String param;
    private final String column;
    private final String direction;

    ProductSort(String param, String column, String direction) {
        this.param = param;
        this.column = column;
        this.direction = direction;
    }

    public String param() {
        return param;
    }

    String column() {
        return column;
    }

    String direction() {
        return direction;
    }

    boolean byPrice() {
        return this == PRICE || this == PRICE_DESC;
    }

    public static Optional<ProductSort> of(String param) {
        return Stream.of(values()).filter(s -> s.param.equals(param)).findFirst();
    }
}
