package org.soundwave.market.cart;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.soundwave.market.VisitorCart;
import org.soundwave.market.catalog.CatalogRepository;
import org.soundwave.market.catalog.NoSuchProductException;
import org.soundwave.market.catalog.ProductView;

/**
 * Carts: a member's lives in the database (cart_item), a visitor's in the session ({@link VisitorCart});
 * both are shown at today's prices with {@link CartView}. Quantities are 1-99; only active products go in.
 */
@ApplicationScoped
public class CartService {

    @PersistenceContext(unitName = "soundwave")
    EntityManager em;

    @Inject
    CatalogRepository catalog;

    @SuppressWarnings("unchecked")
    public CartView memberCart(long memberId) {
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT product_id, quantity FROM cart_item WHERE member_id = ?1 ORDER BY added, product_id")
                .setParameter(1, memberId).getResultList();
        Map<Long, Integer> quantities = new java.util.LinkedHashMap<>();
        rows.forEach(r -> quantities.put(((Number) r[0]).longValue(), ((Number) r[1]).intValue()));
        return view(quantities);
    }

    /** Sets how many of the product the member's cart holds (adding the product if needed). */
    @Transactional
    public void set(long memberId, long productId, int quantity) {
        requireForSale(productId);
        em.createNativeQuery("""
                        INSERT INTO cart_item (member_id, product_id, quantity) VALUES (?1, ?2, ?3)
                        ON CONFLICT (member_id, product_id) DO UPDATE SET quantity = EXCLUDED.quantity""")
                .setParameter(1, memberId).setParameter(2, productId).setParameter(3, quantity).executeUpdate();
    }

    @Transactional
    public void remove(long memberId, long productId) {
        em.createNativeQuery("DELETE FROM cart_item WHERE member_id = ?1 AND product_id = ?2")
                .setParameter(1, memberId).setParameter(2, productId).executeUpdate();
    }

    @Transactional
    public void clear(long memberId) {
        em.createNativeQuery("DELETE FROM cart_item WHERE member_id = ?1").setParameter(1, memberId).executeUpdate();
    }

    /**
     * Adds a visitor's cart to the member's (at sign-in): quantities of a product in both are added, up to
     * the maximum; products no longer for sale are left out.
     */
    @Transactional
    public void merge(long memberId, VisitorCart cart) {
        Map<Long, ProductView> products = catalog.products(List.copyOf(cart.quantities().keySet()));
        cart.quantities().forEach((productId, quantity) -> {
            ProductView product = products.get(productId);
            if (product != null && product.active()) {
                em.createNativeQuery("""
                                INSERT INTO cart_item (member_id, product_id, quantity) VALUES (?1, ?2, ?3)
                                ON CONFLICT (member_id, product_id)
                                DO UPDATE SET quantity = least(cart_item.quantity + EXCLUDED.quantity, ?4)""")
                        .setParameter(1, memberId).setParameter(2, productId).setParameter(3, quantity)
                        .setParameter(4, CartItemForm.MAX_QUANTITY).executeUpdate();
            }
        });
    }

    /** A visitor's cart at today's prices. */
    public CartView visitorCart(VisitorCart cart) {
        return view(cart.quantities());
    }

    /** Throws unless the product exists and is for sale. */
    public void requireForSale(long productId) {
        if (catalog.product(productId).filter(ProductView::active).isEmpty()) {
            throw new NoSuchProductException("There is no product " + productId + " for sale.");
        }
    }

    private CartView view(Map<Long, Integer> quantities) {
        Map<Long, ProductView> products = catalog.products(List.copyOf(quantities.keySet()));
        List<CartView.Line> lines = quantities.entrySet().stream()
                .filter(e -> products.containsKey(e.getKey()))
                .map(e -> {
                    ProductView p = products.get(e.getKey());
                    BigDecimal total = new BigDecimal(p.price()).multiply(BigDecimal.valueOf(e.getValue()));
                    return new CartView.Line(p.id(), p.name(), p.price(), e.getValue(), ProductView.money(total), p.stock(),
                            p.active() && p.stock() > 0);
                })
                .toList();
        return CartView.of(lines);
    }
}
