package org.soundwave.market.order;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.soundwave.account.CurrentMember;
import org.soundwave.market.cart.CartItemForm;
import org.soundwave.market.catalog.InvalidCatalogInputException;
import org.soundwave.market.catalog.MarketChange;

/**
 * Placing and cancelling orders. Checkout is one transaction: the order row first (its member and
 * idempotency key are unique, so a repeated key finds the first order and reserves nothing), then each
 * product's stock with a conditional UPDATE (stock &gt;= quantity), in product id order so concurrent
 * checkouts never deadlock; one product short and the whole transaction rolls back: all or nothing.
 * Then the order is queued for processing (order_job), which any node's {@link OrderWorker} picks up.
 */
@ApplicationScoped
public class OrderService {

    /** A placed order, and whether this call placed it (false: the key had been used, this is that order). */
    public record Placed(OrderView order, boolean created) {
    }

    @PersistenceContext(unitName = "soundwave")
    EntityManager em;

    @Inject
    OrderRepository orders;

    @Inject
    Event<OrderChanged> changes;

    @Inject
    Event<MarketChange> catalogChanges;

    @Transactional
    public Placed checkout(long memberId, String idempotencyKey, List<CheckoutRequest.Item> items) {
        var existing = orders.byKey(memberId, idempotencyKey);
        if (existing.isPresent()) {
            return new Placed(existing.get(), false);
        }
        List<?> inserted = em.createNativeQuery("""
                        INSERT INTO customer_order (member_id, status, total, idempotency_key) VALUES (?1, 'PENDING', 0, ?2)
                        ON CONFLICT (member_id, idempotency_key) DO NOTHING RETURNING id""")
                .setParameter(1, memberId).setParameter(2, idempotencyKey).getResultList();
        if (inserted.isEmpty()) {   // the same key committed meanwhile by a concurrent request: its order
            return new Placed(orders.byKey(memberId, idempotencyKey).orElseThrow(), false);
        }
        long orderId = ((Number) inserted.get(0)).longValue();
        Map<Long, Integer> quantities = new TreeMap<>();   // product id order: no deadlocks between checkouts
        items.forEach(i -> quantities.merge(i.getProductId(), i.getQuantity(), Integer::sum));
        Map<Long, Integer> short_ = new LinkedHashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Map.Entry<Long, Integer> item : quantities.entrySet()) {
            if (item.getValue() > CartItemForm.MAX_QUANTITY) {
                throw new InvalidCatalogInputException("items", "at most " + CartItemForm.MAX_QUANTITY + " of product " + item.getKey());
            }
            List<?> reserved = em.createNativeQuery("""
                            UPDATE product SET stock = stock - ?1, updated = now()
                             WHERE id = ?2 AND active AND stock >= ?1 RETURNING price""")
                    .setParameter(1, item.getValue()).setParameter(2, item.getKey()).getResultList();
            if (reserved.isEmpty()) {
                List<?> left = em.createNativeQuery("SELECT stock FROM product WHERE id = ?1 AND active")
                        .setParameter(1, item.getKey()).getResultList();
                if (left.isEmpty()) {
                    throw new InvalidCatalogInputException("items", "there is no product " + item.getKey() + " for sale");
                }
                short_.put(item.getKey(), ((Number) left.get(0)).intValue());
                continue;
            }
            BigDecimal price = (BigDecimal) reserved.get(0);
            total = total.add(price.multiply(BigDecimal.valueOf(item.getValue())));
            em.createNativeQuery("INSERT INTO order_item (order_id, product_id, quantity, unit_price) VALUES (?1, ?2, ?3, ?4)")
                    .setParameter(1, orderId).setParameter(2, item.getKey()).setParameter(3, item.getValue()).setParameter(4, price)
                    .executeUpdate();
        }
        if (!short_.isEmpty()) {
            throw new OutOfStockException(short_);   // rolls back the order and every reservation made above
        }
        em.createNativeQuery("UPDATE customer_order SET total = ?1 WHERE id = ?2").setParameter(1, total).setParameter(2, orderId)
                .executeUpdate();
        em.createNativeQuery("INSERT INTO order_job (order_id, step) VALUES (?1, 'CHARGE')").setParameter(1, orderId).executeUpdate();
        changes.fire(new OrderChanged(orderId, memberId));
        catalogChanges.fire(new MarketChange.StockChanged());
        return new Placed(orders.find(orderId).orElseThrow(), true);
    }

    /**
     * Cancels a pending order (its member or an administrator) and puts its stock back. Locks the order
     * row: a worker processing it holds the same lock, so exactly one of them wins; any other state → 409.
     */
    @Transactional
    public void cancel(long orderId, String reason) {
        List<?> status = em.createNativeQuery("SELECT status FROM customer_order WHERE id = ?1 FOR UPDATE")
                .setParameter(1, orderId).getResultList();
        if (status.isEmpty()) {
            throw new NoSuchOrderException(orderId);
        }
        OrderStatus now = OrderStatus.valueOf((String) status.get(0));
        if (!now.mayBecome(OrderStatus.CANCELED)) {
            throw new OrderConflictException("Order " + orderId + " is " + now + " and can no longer be cancelled.");
        }
        orders.cancel(orderId, reason);
        changes.fire(new OrderChanged(orderId, orders.memberOf(orderId).orElseThrow()));
        catalogChanges.fire(new MarketChange.StockChanged());
    }

    /** The order as this member may see it: their own, or any for an administrator; empty otherwise (as if none). */
    public Optional<OrderView> visibleTo(CurrentMember.Member who, long orderId) {
        return orders.memberOf(orderId).filter(owner -> who.admin() || owner == who.id()).flatMap(owner -> orders.find(orderId));
    }

    /** Cancels an order this member may see (404 otherwise, 409 once it is past pending) and returns it as it is now. */
    @Transactional
    public OrderView cancelFor(CurrentMember.Member who, long orderId) {
        visibleTo(who, orderId).orElseThrow(() -> new NoSuchOrderException(orderId));
        cancel(orderId, who.admin() ? "cancelled by an administrator" : "cancelled by the member");
        return orders.find(orderId).orElseThrow(() -> new NoSuchOrderException(orderId));
    }
}
