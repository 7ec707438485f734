package org.soundwave.market.order;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.soundwave.account.CurrentMember;
import org.soundwave.market.cart.CartItemForm;
import org.soundwave.market.catalog.InvalidCatalogInputException;
import org.soundwave.market.catalog.MarketChange;
import org.soundwave.market.catalog.ProductView;
import org.soundwave.platform.NativeRows;
import org.soundwave.platform.api.Cursor;
import org.soundwave.platform.api.Slice;

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
    MarketOrderCaches cached;

    @Inject
    Event<OrderChanged> changes;

    @Inject
    Event<MarketChange> catalogChanges;

    @Transactional
    public Placed checkout(long memberId, String idempotencyKey, List<CheckoutRequest.Item> items) {
        // Every statement is a round trip to PostgreSQL (ten of them took 200 ms of a checkout over a 20 ms
        // network: loadtest/network-delay): the order, one statement per line (its stock and the line),
        // one for the total and the job, and the answer built from what they returned.
        List<Object[]> inserted = em.createNativeQuery("""
                        INSERT INTO customer_order (member_id, status, total, idempotency_key) VALUES (?1, 'PENDING', 0, ?2)
                        ON CONFLICT (member_id, idempotency_key) DO NOTHING
                        RETURNING id, (SELECT username FROM app_user WHERE id = member_id), created, updated""")
                .setParameter(1, memberId).setParameter(2, idempotencyKey).getResultList();
        if (inserted.isEmpty()) {   // the key was used before (a replay), or by a concurrent request meanwhile: that order
            return new Placed(orders.byKey(memberId, idempotencyKey).orElseThrow(), false);
        }
        Object[] order = inserted.get(0);
        long orderId = ((Number) order[0]).longValue();
        Map<Long, Integer> quantities = new TreeMap<>();   // product id order: no deadlocks between checkouts
        items.forEach(i -> quantities.merge(i.getProductId(), i.getQuantity(), Integer::sum));
        Map<Long, Integer> short_ = new LinkedHashMap<>();
        List<OrderView.Line> lines = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Map.Entry<Long, Integer> item : quantities.entrySet()) {
            if (item.getValue() > CartItemForm.MAX_QUANTITY) {
                throw new InvalidCatalogInputException("items", "at most " + CartItemForm.MAX_QUANTITY + " of product " + item.getKey());
            }
            List<Object[]> reserved = em.createNativeQuery("""
                            WITH reserved AS (
                                UPDATE product SET stock = stock - ?1, updated = now()
                                 WHERE id = ?2 AND active AND stock >= ?1 RETURNING id, name, price),
                            line AS (
                                INSERT INTO order_item (order_id, product_id, quantity, unit_price)
                                SELECT ?3, id, ?1, price FROM reserved)
                            SELECT name, price FROM reserved""")
                    .setParameter(1, item.getValue()).setParameter(2, item.getKey()).setParameter(3, orderId).getResultList();
            if (reserved.isEmpty()) {
                List<?> left = em.createNativeQuery("SELECT stock FROM product WHERE id = ?1 AND active")
                        .setParameter(1, item.getKey()).getResultList();
                if (left.isEmpty()) {
                    throw new InvalidCatalogInputException("items", "there is no product " + item.getKey() + " for sale");
                }
                short_.put(item.getKey(), ((Number) left.get(0)).intValue());
                continue;
            }
            BigDecimal price = (BigDecimal) reserved.get(0)[1];
            BigDecimal lineTotal = price.multiply(BigDecimal.valueOf(item.getValue()));
            total = total.add(lineTotal);
            lines.add(new OrderView.Line(item.getKey(), (String) reserved.get(0)[0], item.getValue(), ProductView.money(price),
                    ProductView.money(lineTotal)));
        }
        if (!short_.isEmpty()) {
            throw new OutOfStockException(short_);   // rolls back the order and every reservation made above
        }
        em.createNativeQuery("""
                        WITH priced AS (UPDATE customer_order SET total = ?1 WHERE id = ?2)
                        INSERT INTO order_job (order_id, step) VALUES (?2, 'CHARGE')""")
                .setParameter(1, total).setParameter(2, orderId).executeUpdate();
        changes.fire(new OrderChanged(orderId, memberId));
        catalogChanges.fire(new MarketChange.StockChanged());
        return new Placed(new OrderView(orderId, (String) order[1], OrderStatus.PENDING.name(), ProductView.money(total), null,
                List.copyOf(lines), NativeRows.timestamp(order[2]), NativeRows.timestamp(order[3])), true);
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

    /**
     * The orders this member may list, newest first: every member's for an administrator, their own
     * otherwise; a member's first page (no status, no cursor, the default size) from the cache.
     */
    public Slice<OrderView> listFor(CurrentMember.Member who, OrderStatus only, Cursor after, int limit) {
        return who.admin() ? every(only, after, limit) : of(who.id(), only, after, limit);
    }

    /** A member's own orders, newest first; the first page (no status, no cursor, the default size) from the cache. */
    public Slice<OrderView> of(long memberId, OrderStatus only, Cursor after, int limit) {
        if (only == null && after == null && limit == MarketOrderCaches.FIRST_PAGE) {
            return firstPageOf(memberId);
        }
        return orders.orders(memberId, only, after, limit);
    }

    /** A member's newest orders, as many as a first page holds, from the cache. */
    public Slice<OrderView> firstPageOf(long memberId) {
        return cached.firstPage(memberId);
    }

    /** Every member's orders, newest first (for administrators). */
    public Slice<OrderView> every(OrderStatus only, Cursor after, int limit) {
        return orders.orders(null, only, after, limit);
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
