package org.soundwave.market.order;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.soundwave.market.catalog.ProductView;
import org.soundwave.platform.NativeRows;
import org.soundwave.platform.api.Cursor;
import org.soundwave.platform.api.Slice;

/** Reads orders as {@link OrderView}s: a page is its orders plus all their lines (two statements). */
@ApplicationScoped
public class OrderRepository {

    private static final String ORDER_COLUMNS = """
            SELECT o.id, u.username, o.status, o.total, o.cancel_reason, o.created, o.updated
              FROM customer_order o JOIN app_user u ON u.id = o.member_id""";

    @PersistenceContext(unitName = "soundwave")
    EntityManager em;

    public Optional<OrderView> find(long id) {
        return views(em.createNativeQuery(ORDER_COLUMNS + " WHERE o.id = ?1").setParameter(1, id)).stream().findFirst();
    }

    /** The member's order placed with this idempotency key, if any. */
    public Optional<OrderView> byKey(long memberId, String key) {
        return views(em.createNativeQuery(ORDER_COLUMNS + " WHERE o.member_id = ?1 AND o.idempotency_key = ?2")
                .setParameter(1, memberId).setParameter(2, key)).stream().findFirst();
    }

    /** Whose order it is (empty if there is no such order). */
    public Optional<Long> memberOf(long orderId) {
        return em.createNativeQuery("SELECT member_id FROM customer_order WHERE id = ?1").setParameter(1, orderId)
                .getResultStream().findFirst().map(id -> ((Number) id).longValue());
    }

    /** Newest first: one member's orders (memberId) or everyone's (null), optionally of one status. */
    public Slice<OrderView> orders(Long memberId, OrderStatus status, Cursor after, int limit) {
        StringBuilder sql = new StringBuilder(ORDER_COLUMNS).append(" WHERE TRUE");
        List<Object> parameters = new ArrayList<>();
        if (memberId != null) {
            parameters.add(memberId);
            sql.append(" AND o.member_id = ?").append(parameters.size());
        }
        if (status != null) {
            parameters.add(status.name());
            sql.append(" AND o.status = ?").append(parameters.size());
        }
        if (after != null) {
            parameters.add(after.created());
            parameters.add(after.id());
            sql.append(" AND (o.created, o.id) < (?").append(parameters.size() - 1).append(", ?").append(parameters.size()).append(")");
        }
        parameters.add(limit + 1);
        sql.append(" ORDER BY o.created DESC, o.id DESC LIMIT ?").append(parameters.size());
        Query query = em.createNativeQuery(sql.toString());
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        List<OrderView> orders = views(query);
        boolean more = orders.size() > limit;
        List<OrderView> shown = more ? orders.subList(0, limit) : orders;
        OrderView last = shown.isEmpty() ? null : shown.get(shown.size() - 1);
        return new Slice<>(List.copyOf(shown), more ? new Cursor(last.created(), last.id()).encode() : null);
    }

    @SuppressWarnings("unchecked")
    private List<OrderView> views(Query query) {
        List<Object[]> rows = query.getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(r -> ((Number) r[0]).longValue()).toList();
        List<Object[]> lines = em.createNativeQuery("""
                        SELECT i.order_id, i.product_id, p.name, i.quantity, i.unit_price FROM order_item i
                          JOIN product p ON p.id = i.product_id
                         WHERE i.order_id = ANY (CAST(?1 AS bigint[])) ORDER BY i.order_id, i.product_id""")
                .setParameter(1, NativeRows.idArray(ids)).getResultList();
        Map<Long, List<OrderView.Line>> byOrder = lines.stream().collect(Collectors.groupingBy(l -> ((Number) l[0]).longValue(),
                Collectors.mapping(l -> {
                    BigDecimal price = (BigDecimal) l[4];
                    int quantity = ((Number) l[3]).intValue();
                    return new OrderView.Line(((Number) l[1]).longValue(), (String) l[2], quantity, ProductView.money(price),
                            ProductView.money(price.multiply(BigDecimal.valueOf(quantity))));
                }, Collectors.toList())));
        return rows.stream().map(r -> new OrderView(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                ProductView.money((BigDecimal) r[3]), (String) r[4], byOrder.getOrDefault(((Number) r[0]).longValue(), List.of()),
                NativeRows.timestamp(r[5]), NativeRows.timestamp(r[6]))).toList();
    }

    /** PENDING → CANCELED with the reason, and the order's stock put back (the caller holds the order row lock). */
    void cancel(long orderId, String reason) {
        em.createNativeQuery("""
                        UPDATE product p SET stock = p.stock + i.quantity, updated = now()
                          FROM order_item i WHERE i.order_id = ?1 AND p.id = i.product_id""")
                .setParameter(1, orderId).executeUpdate();
        em.createNativeQuery("UPDATE customer_order SET status = 'CANCELED', cancel_reason = ?1, updated = now() WHERE id = ?2")
                .setParameter(1, reason).setParameter(2, orderId).executeUpdate();
    }
}
