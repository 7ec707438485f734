package org.soundwave.market.catalog;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.soundwave.platform.validation.Text;

/** A member's review: 1-5 stars and an optional text. */
public class ReviewForm {

    @NotNull(message = "is required")
    @Min(value = 1, message = "must be 1 to 5")
    @Max(value = 5, message = "must be 1 to 5")
    private Integer rating;

    @Text(max = 2000)
    private String content = "";

    public Integer getRating() {
        return rating;
    }

    public void setRating(Integer rating) {
        this.rating = rating;
    }

    public String getContent() {
        return content;
    }

    public void setContent(String content) {
        this.content = content;
    }
}
