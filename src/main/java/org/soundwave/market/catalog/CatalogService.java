package org.soundwave.market.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Changes to the catalog: categories and products (administrators), reviews (members). Every change
 * fires a {@link MarketChange}, which MarketCaches turns into invalidations after commit.
 */
@ApplicationScoped
public class CatalogService {

    @PersistenceContext(unitName = "soundwave")
    EntityManager em;

    @Inject
    CatalogRepository catalog;

    @Inject
    ImageStore images;

    @Inject
    Event<MarketChange> changes;

    /**
     * Creates a category; a name or slug already taken (any letter case) → conflict. INSERT ... ON CONFLICT
     * DO NOTHING makes two administrators racing for one name end with one category and one conflict.
     */
    @Transactional
    public long createCategory(CategoryForm form) {
        checkImage(form.getImageId());
        List<?> id = em.createNativeQuery("""
                        INSERT INTO category (name, slug, description, image_id) VALUES (?1, ?2, ?3, ?4)
                        ON CONFLICT DO NOTHING RETURNING id""")
                .setParameter(1, form.getName().strip()).setParameter(2, form.getSlug())
                .setParameter(3, form.getDescription() == null ? "" : form.getDescription().strip())
                .setParameter(4, form.getImageId())
                .getResultList();
        if (id.isEmpty()) {
            throw new CatalogConflictException("A category named " + form.getName().strip() + " or with slug " + form.getSlug() + " exists.");
        }
        changes.fire(new MarketChange.CategoryChanged());
        return ((Number) id.get(0)).longValue();
    }

    @Transactional
    public void changeCategory(long id, CategoryForm form) {
        Category category = em.find(Category.class, id);
        if (category == null) {
            throw new NoSuchProductException("There is no category " + id + ".");
        }
        checkImage(form.getImageId());
        boolean taken = !em.createNativeQuery("SELECT 1 FROM category WHERE id <> ?1 AND (lower(name) = lower(?2) OR slug = ?3)")
                .setParameter(1, id).setParameter(2, form.getName().strip()).setParameter(3, form.getSlug())
                .getResultList().isEmpty();
        if (taken) {
            throw new CatalogConflictException("Another category is named " + form.getName().strip() + " or has slug " + form.getSlug() + ".");
        }
        category.change(form);
        changes.fire(new MarketChange.CategoryChanged());
    }

    /** Deletes an empty category; one with products (active or not) → conflict. */
    @Transactional
    public void deleteCategory(long id) {
        Category category = em.find(Category.class, id);
        if (category == null) {
            throw new NoSuchProductException("There is no category " + id + ".");
        }
        if (!em.createNativeQuery("SELECT 1 FROM product WHERE category_id = ?1 LIMIT 1").setParameter(1, id).getResultList().isEmpty()) {
            throw new CatalogConflictException("Category " + id + " still has products: move or deactivate them first.");
        }
        em.remove(category);
        changes.fire(new MarketChange.CategoryChanged());
    }

    @Transactional
    public long createProduct(ProductForm form) {
        Product product = new Product(categoryOf(form), checked(form));
        em.persist(product);
        em.flush();
        changes.fire(new MarketChange.ProductChanged(product.id()));
        return product.id();
    }

    @Transactional
    public void changeProduct(long id, ProductForm form) {
        Product product = em.find(Product.class, id);
        if (product == null) {
            throw new NoSuchProductException("There is no product " + id + ".");
        }
        product.change(categoryOf(form), checked(form));
        changes.fire(new MarketChange.ProductChanged(id));
    }

    /** Takes the product out of sale (listings, carts' availability); orders keep referring to it. */
    @Transactional
    public void deactivateProduct(long id) {
        Product product = em.find(Product.class, id);
        if (product == null) {
            throw new NoSuchProductException("There is no product " + id + ".");
        }
        product.deactivate();
        changes.fire(new MarketChange.ProductChanged(id));
    }

    /** The member's review of an active product; a second one by the same member → conflict. */
    @Transactional
    public long review(long productId, long memberId, ReviewForm form) {
        if (catalog.product(productId).filter(ProductView::active).isEmpty()) {
            throw new NoSuchProductException("There is no product " + productId + ".");
        }
        List<?> id = em.createNativeQuery("""
                        INSERT INTO review (product_id, author_id, rating, content) VALUES (?1, ?2, ?3, ?4)
                        ON CONFLICT (product_id, author_id) DO NOTHING RETURNING id""")
                .setParameter(1, productId).setParameter(2, memberId).setParameter(3, form.getRating())
                .setParameter(4, form.getContent() == null ? "" : form.getContent().strip())
                .getResultList();
        if (id.isEmpty()) {
            throw new CatalogConflictException("You have already reviewed product " + productId + ".");
        }
        changes.fire(new MarketChange.ProductChanged(productId));
        return ((Number) id.get(0)).longValue();
    }

    private long categoryOf(ProductForm form) {
        return catalog.categoryId(form.getCategory())
                .orElseThrow(() -> new InvalidCatalogInputException("category", "there is no category " + form.getCategory()));
    }

    private ProductForm checked(ProductForm form) {
        checkImage(form.getImageId());
        return form;
    }

    private void checkImage(Long imageId) {
        if (imageId != null && !images.exists(imageId)) {
            throw new InvalidCatalogInputException("imageId", "there is no image " + imageId);
        }
    }
}
