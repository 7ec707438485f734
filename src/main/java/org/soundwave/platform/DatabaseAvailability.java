package org.soundwave.platform;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Whether this node can reach PostgreSQL, as its requests and a probe find out. Once a request meets an
 * unreachable database ({@link DatabaseOutage}), the node stops asking it: requests that need it are
 * answered 503 with {@code Retry-After} at once (platform/web/DatabaseOutageFilter) and page-cached pages
 * are served stale, instead of every request waiting for a connection that will not come. A probe
 * ({@code SELECT 1}) runs every second meanwhile and ends the outage as soon as PostgreSQL answers; the
 * readiness check's own query ends it too. PostgreSQL is shared by every node, so its absence takes no
 * node out of rotation (see platform/health/DatabaseCheck).
 */
@ApplicationScoped
public class DatabaseAvailability {

    /** What clients are told to wait before trying again ({@code Retry-After}, seconds). */
    public static final int RETRY_AFTER_SECONDS = 5;

    private static final Logger LOG = Logger.getLogger(DatabaseAvailability.class.getName());
    private static final long PROBE_PERIOD_MILLIS = 1_000;

    /** An outage as this node sees it: since when, and the failure that showed it. */
    public record Outage(Instant since, String error) {
    }

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final AtomicReference<Outage> outage = new AtomicReference<>();
    private ScheduledFuture<?> probing;   // while an outage lasts; guarded by the outage reference's lock

    public boolean reachable() {
        return outage.get() == null;
    }

    public Optional<Outage> outage() {
        return Optional.ofNullable(outage.get());
    }

    /**
     * Records that the failure showed the database unreachable, if it did ({@link DatabaseOutage#causedBy});
     * true if so.
     */
    public boolean failed(Throwable failure) {
        if (!DatabaseOutage.causedBy(failure)) {
            return false;
        }
        if (outage.get() != null) {
            return true;
        }
        synchronized (outage) {   // the rare changes of state one at a time; reads stay lock-free
            if (outage.get() == null) {
                Outage started = new Outage(Instant.now(), describe(failure));
                outage.set(started);
                probing = scheduler.scheduleWithFixedDelay(this::probe, PROBE_PERIOD_MILLIS, PROBE_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
                LOG.warning(() -> "PostgreSQL is unreachable (" + started.error() + "): answering 503 to what needs it, "
                        + "serving cached pages stale, checking every second");
            }
        }
        return true;
    }

    /**
     * Asks PostgreSQL for {@code SELECT 1} (at most two seconds); ends an outage when it answers, starts one
     * when it cannot be reached. Returns whether it answered.
     */
    public boolean probe() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.setQueryTimeout(2);
            s.execute("SELECT 1");
        } catch (SQLException | RuntimeException e) {
            failed(e);
            return false;
        }
        recovered();
        return true;
    }

    private void recovered() {
        if (outage.get() == null) {
            return;
        }
        synchronized (outage) {
            Outage ended = outage.getAndSet(null);
            if (ended != null) {
                probing.cancel(false);
                LOG.info(() -> "PostgreSQL answers again after " + Duration.between(ended.since(), Instant.now()).toSeconds()
                        + " s of outage");
            }
        }
    }

    private static String describe(Throwable failure) {
        Throwable deepest = failure;
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
        }
        return deepest.getClass().getSimpleName() + ": " + deepest.getMessage();
    }

    @PreDestroy
    void stop() {
        synchronized (outage) {
            if (probing != null) {
                probing.cancel(false);
            }
        }
    }
}
