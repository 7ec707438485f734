package org.soundwave.market.order;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.soundwave.market.catalog.MarketChange;

/**
 * Processes one due step of one order per call, in one transaction that holds the order's queue row
 * (locked FOR UPDATE SKIP LOCKED, so nodes never take the same order) and the order row itself:
 * <ul>
 * <li>CHARGE: checks the total against the lines, charges it (keyed by the order, so a retry never
 * charges twice), then PAID and a FULFIL step; a decline or a wrong total puts the stock back and CANCELs.</li>
 * <li>FULFIL: COMPLETED.</li>
 * </ul>
 * If the node dies mid-step, PostgreSQL rolls the transaction back and drops its locks; another node takes
 * the row and runs the step again: every order ends PAID/COMPLETED or CANCELED once.
 */
@ApplicationScoped
public class OrderWorker {

    @PersistenceContext(unitName = "soundwave")
    EntityManager em;

    @Inject
    PaymentGateway payments;

    @Inject
    OrderRepository orders;

    @Inject
    Event<OrderChanged> changes;

    @Inject
    Event<MarketChange> catalogChanges;

    @Inject
    @ConfigProperty(name = "soundwave.orders.fulfil-after-ms", defaultValue = "1000")
    long fulfilAfterMillis;

    /** Runs one due step if there is one; false when the queue has nothing due. */
    @Transactional
    public boolean processNext() {
        List<?> due = em.createNativeQuery("""
                SELECT order_id, step FROM order_job WHERE run_after <= now()
                 ORDER BY run_after LIMIT 1 FOR UPDATE SKIP LOCKED""").getResultList();
        if (due.isEmpty()) {
            return false;
        }
        Object[] job = (Object[]) due.get(0);
        long orderId = ((Number) job[0]).longValue();
        String step = (String) job[1];
        Object[] order = (Object[]) em.createNativeQuery("SELECT status, total, member_id FROM customer_order WHERE id = ?1 FOR UPDATE")
                .setParameter(1, orderId).getSingleResult();
        OrderStatus status = OrderStatus.valueOf((String) order[0]);
        long memberId = ((Number) order[2]).longValue();
        if (step.equals("CHARGE") && status == OrderStatus.PENDING) {
            charge(orderId, (BigDecimal) order[1]);
        } else if (step.equals("FULFIL") && status == OrderStatus.PAID) {
            move(orderId, OrderStatus.PAID, OrderStatus.COMPLETED);
            done(orderId);
        } else {
            done(orderId);   // cancelled meanwhile, or already moved on: nothing left to do
        }
        changes.fire(new OrderChanged(orderId, memberId));
        return true;
    }

    private void charge(long orderId, BigDecimal total) {
        BigDecimal lines = (BigDecimal) em.createNativeQuery(
                        "SELECT coalesce(sum(unit_price * quantity), 0) FROM order_item WHERE order_id = ?1")
                .setParameter(1, orderId).getSingleResult();
        if (lines.compareTo(total) != 0) {
            orders.cancel(orderId, "the total did not match the order's lines");
            catalogChanges.fire(new MarketChange.StockChanged());
            return;
        }
        PaymentGateway.Outcome outcome = payments.charge("order-" + orderId, orderId, total);
        if (outcome == PaymentGateway.Outcome.DECLINED) {
            orders.cancel(orderId, "payment declined");
            catalogChanges.fire(new MarketChange.StockChanged());
            return;
        }
        move(orderId, OrderStatus.PENDING, OrderStatus.PAID);
        em.createNativeQuery("UPDATE order_job SET step = 'FULFIL', attempts = 0, run_after = now() + ?1 * interval '1 millisecond'"
                        + " WHERE order_id = ?2")
                .setParameter(1, fulfilAfterMillis).setParameter(2, orderId).executeUpdate();
    }

    private void move(long orderId, OrderStatus from, OrderStatus to) {
        if (!from.mayBecome(to)) {
            throw new IllegalStateException(from + " may not become " + to);
        }
        em.createNativeQuery("UPDATE customer_order SET status = ?1, updated = now() WHERE id = ?2 AND status = ?3")
                .setParameter(1, to.name()).setParameter(2, orderId).setParameter(3, from.name()).executeUpdate();
    }

    private void done(long orderId) {
        em.createNativeQuery("DELETE FROM order_job WHERE order_id = ?1").setParameter(1, orderId).executeUpdate();
    }
}
