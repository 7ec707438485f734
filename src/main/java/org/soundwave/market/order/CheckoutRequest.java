package org.soundwave.market.order;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import org.soundwave.market.cart.CartItemForm;

/** What a member orders: products and quantities (a JavaBean: see PostForm). */
public class CheckoutRequest {

    public static final int MAX_ITEMS = 50;

    @NotEmpty(message = "must name at least one product")
    @Size(max = MAX_ITEMS, message = "must name at most " + MAX_ITEMS + " products")
    private List<@NotNull(message = "must not be null") @Valid Item> items = new ArrayList<>();

    /** One product and how many. */
    public static class Item {

        @NotNull(message = "is required")
        @Positive(message = "must be a product id")
        private Long productId;

        @NotNull(message = "is required")
        @Min(value = 1, message = "must be 1 to " + CartItemForm.MAX_QUANTITY)
        @Max(value = CartItemForm.MAX_QUANTITY, message = "must be 1 to " + CartItemForm.MAX_QUANTITY)
        private Integer quantity;

        public Item() {
        }

        public Item(long productId, int quantity) {
            this.productId = productId;
            this.quantity = quantity;
        }

        public Long getProductId() {
            return productId;
        }

        public void setProductId(Long productId) {
            this.productId = productId;
        }

        public Integer getQuantity() {
            return quantity;
        }

        public void setQuantity(Integer quantity) {
            this.quantity = quantity;
        }
    }

    public List<Item> getItems() {
        return items;
    }

    public void setItems(List<Item> items) {
        this.items = items;
    }
}
