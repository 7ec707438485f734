package org.soundwave.market.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.soundwave.platform.NativeRows;
import org.soundwave.platform.api.Cursor;
import org.soundwave.platform.api.Slice;

/**
 * Reads the catalog as views with a fixed number of statements: a listing is its products (with their
 * category, one statement whatever the page size) plus their ratings (one statement for all of them).
 * Listings walk with a keyset cursor on (sort value, id), which the indexes of V4__market.sql serve for
 * every sort, with or without a category; search ("name contains", any letter case) uses the trigram index.
 */
@ApplicationScoped
public class CatalogRepository {

    private static final String PRODUCT_COLUMNS = """
            SELECT p.id, c.slug, c.name, p.name, p.description, p.price, p.stock, p.image_id, p.active
              FROM product p JOIN category c ON c.id = p.category_id""";

    private static final String RATINGS_SQL = """
            SELECT product_id, round(avg(rating), 1), count(*) FROM review
             WHERE product_id = ANY (CAST(?1 AS bigint[])) GROUP BY product_id""";

    @PersistenceContext(unitName = "soundwave")
    EntityManager em;

    /** Every category by name, with its active products counted. */
    @SuppressWarnings("unchecked")
    public List<CategoryView> categories() {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT c.id, c.name, c.slug, c.description, c.image_id, count(p.id) FROM category c
                  LEFT JOIN product p ON p.category_id = c.id AND p.active
                 GROUP BY c.id ORDER BY lower(c.name)""").getResultList();
        return rows.stream().map(CatalogRepository::category).toList();
    }

    /** The id of the category with this slug. */
    public Optional<Long> categoryId(String slug) {
        return em.createNativeQuery("SELECT id FROM category WHERE slug = ?1").setParameter(1, slug)
                .getResultStream().findFirst().map(id -> ((Number) id).longValue());
    }

    /**
     * Up to {@code limit} active products after the cursor, in the sort's order: one category's or all,
     * only those whose name contains {@code search} (any letter case) when given.
     */
    @SuppressWarnings("unchecked")
    public Slice<ProductView> products(Long categoryId, String search, ProductSort sort, ProductCursor after, int limit) {
        StringBuilder sql = new StringBuilder(PRODUCT_COLUMNS).append(" WHERE p.active");
        List<Object> parameters = new ArrayList<>();
        if (categoryId != null) {
            parameters.add(categoryId);
            sql.append(" AND p.category_id = ?").append(parameters.size());
        }
        if (search != null) {
            parameters.add("%" + escapeLike(search.toLowerCase(java.util.Locale.ROOT)) + "%");
            sql.append(" AND lower(p.name) LIKE ?").append(parameters.size());
        }
        if (after != null) {
            String comparison = sort.direction().equals("ASC") ? ">" : "<";
            parameters.add(sort.byPrice() ? new BigDecimal(after.value()) : after.value());
            int value = parameters.size();
            parameters.add(after.id());
            sql.append(" AND (").append(sort.column()).append(", p.id) ").append(comparison)
                    .append(" (?").append(value).append(", ?").append(parameters.size()).append(")");
        }
        sql.append(" ORDER BY ").append(sort.column()).append(' ').append(sort.direction())
                .append(", p.id ").append(sort.direction());
        parameters.add(limit + 1);
        sql.append(" LIMIT ?").append(parameters.size());
        Query query = em.createNativeQuery(sql.toString());
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        List<Object[]> rows = query.getResultList();
        boolean more = rows.size() > limit;
        List<Object[]> shown = more ? rows.subList(0, limit) : rows;
        List<ProductView> views = views(shown);
        String next = null;
        if (more) {
            ProductView last = views.get(views.size() - 1);
            next = new ProductCursor(sort, sort.byPrice() ? last.price() : last.name().toLowerCase(java.util.Locale.ROOT), last.id()).encode();
        }
        return new Slice<>(views, next);
    }

    /** One product, active or not (callers decide who may see an inactive one). */
    @SuppressWarnings("unchecked")
    public Optional<ProductView> product(long id) {
        List<Object[]> rows = em.createNativeQuery(PRODUCT_COLUMNS + " WHERE p.id = ?1").setParameter(1, id).getResultList();
        return views(rows).stream().findFirst();
    }

    /** Every product, active or not, newest first, for administrators: those with an id below {@code before}. */
    @SuppressWarnings("unchecked")
    public List<ProductView> allProducts(String search, Long before, int limit) {
        StringBuilder sql = new StringBuilder(PRODUCT_COLUMNS).append(" WHERE TRUE");
        List<Object> parameters = new ArrayList<>();
        if (search != null) {
            parameters.add("%" + escapeLike(search.toLowerCase(java.util.Locale.ROOT)) + "%");
            sql.append(" AND lower(p.name) LIKE ?").append(parameters.size());
        }
        if (before != null) {
            parameters.add(before);
            sql.append(" AND p.id < ?").append(parameters.size());
        }
        parameters.add(limit);
        sql.append(" ORDER BY p.id DESC LIMIT ?").append(parameters.size());
        Query query = em.createNativeQuery(sql.toString());
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return views(query.getResultList());
    }

    /** A product's reviews, newest first, after the cursor. */
    @SuppressWarnings("unchecked")
    public Slice<ReviewView> reviews(long productId, Cursor after, int limit) {
        String sql = """
                SELECT r.id, r.product_id, u.username, r.rating, r.content, r.created
                  FROM review r JOIN app_user u ON u.id = r.author_id
                 WHERE r.product_id = ?1""" + (after == null ? "" : " AND (r.created, r.id) < (?3, ?4)")
                + " ORDER BY r.created DESC, r.id DESC LIMIT ?2";
        Query query = em.createNativeQuery(sql).setParameter(1, productId).setParameter(2, limit + 1);
        if (after != null) {
            query.setParameter(3, after.created()).setParameter(4, after.id());
        }
        List<Object[]> rows = query.getResultList();
        boolean more = rows.size() > limit;
        List<ReviewView> reviews = (more ? rows.subList(0, limit) : rows).stream().map(CatalogRepository::review).toList();
        ReviewView last = reviews.isEmpty() ? null : reviews.get(reviews.size() - 1);
        return new Slice<>(reviews, more ? new Cursor(last.created(), last.id()).encode() : null);
    }

    /** Products by id (for carts), active or not. */
    @SuppressWarnings("unchecked")
    public Map<Long, ProductView> products(List<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = em.createNativeQuery(PRODUCT_COLUMNS + " WHERE p.id = ANY (CAST(?1 AS bigint[]))")
                .setParameter(1, NativeRows.idArray(ids)).getResultList();
        return views(rows).stream().collect(Collectors.toMap(ProductView::id, p -> p));
    }

    @SuppressWarnings("unchecked")
    private List<ProductView> views(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(r -> ((Number) r[0]).longValue()).toList();
        Map<Long, Object[]> ratings = new HashMap<>();
        List<Object[]> rated = em.createNativeQuery(RATINGS_SQL).setParameter(1, NativeRows.idArray(ids)).getResultList();
        rated.forEach(r -> ratings.put(((Number) r[0]).longValue(), r));
        return rows.stream().map(r -> {
            long id = ((Number) r[0]).longValue();
            Object[] rating = ratings.get(id);
            return new ProductView(id, (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                    ProductView.money((BigDecimal) r[5]), ((Number) r[6]).intValue(),
                    ProductView.stockState(((Number) r[6]).intValue()), ImageStore.url(r[7]),
                    (Boolean) r[8], rating == null ? null : ((BigDecimal) rating[1]).toPlainString(),
                    rating == null ? 0 : ((Number) rating[2]).longValue());
        }).toList();
    }

    private static CategoryView category(Object[] r) {
        return new CategoryView(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                ImageStore.url(r[4]), ((Number) r[5]).longValue());
    }

    private static ReviewView review(Object[] r) {
        return new ReviewView(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2],
                ((Number) r[3]).intValue(), (String) r[4], NativeRows.timestamp(r[5]));
    }

    /** LIKE's wildcards in the user's text match themselves. */
    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
