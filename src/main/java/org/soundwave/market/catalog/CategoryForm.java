package org.soundwave.market.catalog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.soundwave.platform.validation.RequiredText;
import org.soundwave.platform.validation.Text;

/** What an administrator sends to create or change a category (a JavaBean: see PostForm). */
public class CategoryForm {

    public static final String SLUG = "[a-z0-9]+(-[a-z0-9]+)*";

    @RequiredText(max = 60)
    private String name;

    @NotBlank(message = "is required")
    @Size(max = 60, message = "must be at most 60 characters")
    @Pattern(regexp = SLUG, message = "must be lower-case letters and digits in dash-separated words, e.g. drum-machines")
    private String slug;

    @Text(max = 2000)
    private String description = "";

    @Positive(message = "must be the id of an uploaded image")
    private Long imageId;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public Long getImageId() {
        return imageId;
    }

    public void setImageId(Long imageId) {
        this.imageId = imageId;
    }
}
