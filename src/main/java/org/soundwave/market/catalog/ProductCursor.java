package org.soundwave.market.catalog;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * A keyset position in a sorted product listing: the sort, the last product's sort value (its lower-case
 * name or its price) and its id. Opaque to clients (base64url); a cursor is only valid with its sort.
 */
public record ProductCursor(ProductSort sort, String value, long id) {

    public String encode() {
        String plain = sort.param() + "|" + id + "|" + value;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The position a client sent back for this sort; empty for anything else. */
    public static Optional<ProductCursor> decode(String token, ProductSort sort) {
        if (token == null) {
            return Optional.empty();
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|", 3);
            if (parts.length != 3 || !parts[0].equals(sort.param())) {
                return Optional.empty();
            }
            long id = Long.parseLong(parts[1]);
            if (id < 1 || (sort.byPrice() && !parts[2].matches(ProductForm.PRICE))) {
                return Optional.empty();
            }
            return Optional.of(new ProductCursor(sort, parts[2], id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
