package org.soundwave.market.catalog;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import org.soundwave.platform.validation.RequiredText;
import org.soundwave.platform.validation.Text;

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

    @RequiredText(max = 120)
    private String name;

    @Text(max = 5000)
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
