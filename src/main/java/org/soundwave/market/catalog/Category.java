package org.soundwave.market.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.soundwave.platform.IdentifiedEntity;

/** A shelf of the market, e.g. "Synthesizers" at /shop/synthesizers. Changed through CatalogService. */
@Entity
@Table(name = "category")
public class Category extends IdentifiedEntity {

    @Column(nullable = false, length = 60)
    private String name;

    @Column(nullable = false, length = 60, unique = true)
    private String slug;

    @Column(nullable = false, length = 2000)
    private String description;

    @Column(name = "image_id")
    private Long imageId;

    protected Category() {
    }

    Category(CategoryForm form) {
        change(form);
    }

    final void change(CategoryForm form) {
        this.name = form.getName().strip();
        this.slug = form.getSlug();
        this.description = form.getDescription() == null ? "" : form.getDescription().strip();
        this.imageId = form.getImageId();
    }

}
