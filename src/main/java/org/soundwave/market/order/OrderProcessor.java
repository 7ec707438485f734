package org.soundwave.market.order;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.soundwave.platform.DatabaseAvailability;

/**
 * Every node runs this: a managed scheduled task that polls the order queue every
 * {@code soundwave.orders.poll-ms} and works through whatever is due, one step per transaction
 * ({@link OrderWorker}). Nodes share the queue through PostgreSQL's row locks, so adding nodes adds workers.
 * While PostgreSQL is unreachable the polls pause (the queue is in it); a step cut off by the outage rolled
 * back and runs again once it is back, so every accepted order is still processed once.
 */
@ApplicationScoped
public class OrderProcessor {

    private static final Logger LOG = Logger.getLogger(OrderProcessor.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    OrderWorker worker;

    @Inject
    DatabaseAvailability database;

    @Inject
    @ConfigProperty(name = "soundwave.orders.poll-ms", defaultValue = "200")
    long pollMillis;

    private ScheduledFuture<?> polling;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        polling = scheduler.scheduleWithFixedDelay(this::drain, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
    }

    void drain() {
        if (!database.reachable()) {
            return;   // DatabaseAvailability's probe notices when it is back
        }
        try {
            while (worker.processNext()) {
                // one step per transaction, until nothing is due
            }
        } catch (RuntimeException e) {
            // The step's transaction rolled back; its row stays queued and is taken again on the next poll.
            if (!database.failed(e)) {
                LOG.log(Level.WARNING, "an order step failed and will be retried", e);
            }
        }
    }

    @PreDestroy
    void stop() {
        if (polling != null) {
            polling.cancel(false);
        }
    }
}
