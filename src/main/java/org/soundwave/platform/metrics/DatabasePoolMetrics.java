package org.soundwave.platform.metrics;

import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.soundwave.platform.Database;

/**
 * This node's connection pool as PostgreSQL sees it: its open connections by state (executing a
 * statement, inside a transaction between statements, idle in the pool) and the pool's maximum, as
 * {@code soundwave_db_connections{state=…}} and {@code soundwave_db_pool_max}. A node's connections are
 * the ones with its application name (bin/cluster sets {@code soundwave-nodeN}); the gauge's own
 * connection is not counted.
 */
@ApplicationScoped
public class DatabasePoolMetrics {

    private static final String SQL = """
            SELECT count(*) FILTER (WHERE state = 'active') - 1,
                   count(*) FILTER (WHERE state LIKE 'idle in transaction%'),
                   count(*) FILTER (WHERE state = 'idle')
              FROM pg_stat_activity
             WHERE datname = current_database() AND application_name = current_setting('application_name')""";

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Inject
    MetricRegistry metrics;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        QuerySnapshot pool = new QuerySnapshot(dataSource, SQL, 3);
        String[] states = {"active", "idle_in_transaction", "idle"};
        Metadata connections = Metadata.builder().withName("soundwave.db.connections")
                .withDescription("This node's open database connections by state").build();
        for (int i = 0; i < states.length; i++) {
            int column = i;
            metrics.gauge(connections, pool, p -> p.value(column), new Tag("state", states[i]));
        }
        int max = Database.class.getAnnotation(DataSourceDefinition.class).maxPoolSize();
        metrics.gauge(Metadata.builder().withName("soundwave.db.pool.max")
                .withDescription("The most connections this node's pool opens").build(), () -> max);
    }
}
