package org.soundwave.market.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.soundwave.platform.IdentifiedEntity;

/**
 * Something for sale. Never deleted (orders will refer to it): deactivated, it leaves the listings.
 * Changed through CatalogService; read as {@link ProductView} through CatalogRepository.
 */
@Entity
@Table(name = "product")
public class Product extends IdentifiedEntity {

    @Column(name = "category_id", nullable = false)
    private Long categoryId;

    @Column(nullable = false, length = 120)
    private String name;

    @Column(nullable = false, length = 5000)
    private String description;

    @Column(nullable = false, precision = 10, scale = 2)
    private BigDecimal price;

    @Column(nullable = false)
    private int stock;

    @Column(name = "image_id")
    private Long imageId;

    @Column(nullable = false)
    private boolean active;

    @Column(nullable = false)
    private OffsetDateTime created;

    @Column(nullable = false)
    private OffsetDateTime updated;

    protected Product() {
    }

    Product(long categoryId, ProductForm form) {
        this.created = OffsetDateTime.now();
        change(categoryId, form);
    }

    final void change(long categoryId, ProductForm form) {
        this.categoryId = categoryId;
        this.name = form.getName().strip();
        this.description = form.getDescription() == null ? "" : form.getDescription().strip();
        this.price = form.price();
        this.stock = form.getStock();
        this.imageId = form.getImageId();
        this.active = form.getActive() == null || form.getActive();
        this.updated = OffsetDateTime.now();
    }

    void deactivate() {
        this.active = false;
        this.updated = OffsetDateTime.now();
    }

    public Long categoryId() {
        return categoryId;
    }
}
