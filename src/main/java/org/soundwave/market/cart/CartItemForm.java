package org.soundwave.market.cart;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** How many of a product the cart should hold. */
public class CartItemForm {

    public static final int MAX_QUANTITY = 99;

    @NotNull(message = "is required")
    @Min(value = 1, message = "must be 1 to " + MAX_QUANTITY)
    @Max(value = MAX_QUANTITY, message = "must be 1 to " + MAX_QUANTITY)
    private Integer quantity;

    public Integer getQuantity() {
        return quantity;
    }

    public void setQuantity(Integer quantity) {
        this.quantity = quantity;
    }
}
