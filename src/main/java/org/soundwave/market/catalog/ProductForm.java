package org.soundwave.market.catalog;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.soundwave.account.Registration;

/**
 * What an administrator sends to create or change a product (a JavaBean: see PostForm). The price is a
 * string with at most two decimals ("1299.00"), so no binary floating point ever touches money.
 */
public class ProductForm {

    public static final String PRICE = "(0|[1-9][0-9]{0,7})(\\.[0-9]{1,2})?";
    public static final int MAX_STOCK = 1_000_000;

    @NotBlank(message = "is required")
    @Pattern(regexp = CategoryForm.SLUG, message = "must be a category's slug")
    private String category;

    @NotBlank(message = "is required")
    @Size(max = 120, message = "must be at most 120 characters")
    @Pattern(regexp = Registration.NO_NUL, message = "must not contain NUL characters")
    private String name;

    @Size(max = 5000, message = "must be at most 5000 characters")
    @Pattern(regexp = Registration.NO_NUL, message = "must not contain NUL characters")
    private String description = "";

    @NotNull(message = "is required")
    @Pattern(regexp = PRICE, message = "must be an amount of at least 0 with at most two decimals, e.g. 1299.00")
    private String price;

    @NotNull(message = "is required")
    @Min(value = 0, message = "must be at least 0")
    @Max(value = MAX_STOCK, message = "must be at most " + MAX_STOCK)
    private Integer stock;

    @Positive(message = "must be the id of an uploaded image")
    private Long imageId;

    private Boolean active = Boolean.TRUE;

    BigDecimal price() {
        return new BigDecimal(price).setScale(2);
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getPrice() {
        return price;
    }

    public void setPrice(String price) {
        this.price = price;
    }

    public Integer getStock() {
        return stock;
    }

    public void setStock(Integer stock) {
        this.stock = stock;
    }

    public Long getImageId() {
        return imageId;
    }

    public void setImageId(Long imageId) {
        this.imageId = imageId;
    }

    public Boolean getActive() {
        return active;
    }

    public void setActive(Boolean active) {
        this.active = active;
    }
}
