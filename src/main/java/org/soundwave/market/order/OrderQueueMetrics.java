package org.soundwave.market.order;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.soundwave.platform.Database;
import org.soundwave.platform.metrics.QuerySnapshot;

/**
 * The order queue (order_job), the same on every node: steps queued ({@code soundwave_orders_queue_depth}),
 * steps due now ({@code soundwave_orders_queue_due}) and how long the oldest due step has waited
 * ({@code soundwave_orders_queue_oldest_seconds}). A growing due count or age means the workers fall behind.
 */
@ApplicationScoped
public class OrderQueueMetrics {

    private static final String SQL = """
            SELECT count(*),
                   count(*) FILTER (WHERE run_after <= now()),
                   coalesce(extract(epoch FROM now() - min(run_after) FILTER (WHERE run_after <= now())), 0)
              FROM order_job""";

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Inject
    MetricRegistry metrics;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        QuerySnapshot queue = new QuerySnapshot(dataSource, SQL, 3);
        metrics.gauge(metadata("soundwave.orders.queue.depth", "Order steps queued (due or not)"), queue, q -> q.value(0));
        metrics.gauge(metadata("soundwave.orders.queue.due", "Order steps due now"), queue, q -> q.value(1));
        metrics.gauge(metadata("soundwave.orders.queue.oldest.seconds", "Seconds the oldest due order step has waited"),
                queue, q -> q.value(2));
    }

    private static Metadata metadata(String name, String description) {
        return Metadata.builder().withName(name).withDescription(description).build();
    }
}
