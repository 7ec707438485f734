package org.soundwave.platform;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Tells a failure to reach PostgreSQL (refused, dropped, shut down, no connection to be had from the pool)
 * from an answer PostgreSQL gave (a constraint, a lock timeout, a bad statement). Only the first kind
 * means "the database is unavailable": the request gets 503 with Retry-After and stale pages may be served.
 */
public final class DatabaseOutage {

    /** SQLSTATE 08xxx: connection exceptions; 57P01-57P03: the server shutting down or not accepting yet. */
    private static final Set<String> SHUTDOWN_STATES = Set.of("57P01", "57P02", "57P03");

    /**
     * What Payara's pool says when it cannot hand out a connection (its exceptions carry no SQLSTATE), and
     * what it adds when that is because every connection is in use: a busy pool, not an unreachable database.
     */
    private static final String POOL_CANNOT_ALLOCATE = "Error in allocating a connection";
    private static final String POOL_EXHAUSTED = "max-pool-size";

    private DatabaseOutage() {
    }

    /** Whether the failure, or anything it was caused by, is the database being unreachable. */
    public static boolean causedBy(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        return causedBy(failure, seen);
    }

    private static boolean causedBy(Throwable t, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return false;
        }
        if (unreachable(t)) {
            return true;
        }
        if (t instanceof SQLException sql && causedBy(sql.getNextException(), seen)) {
            return true;
        }
        return causedBy(t.getCause(), seen);
    }

    private static boolean unreachable(Throwable t) {
        if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                || t instanceof ConnectException || t instanceof NoRouteToHostException) {
            return true;
        }
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            if (state != null && (state.startsWith("08") || SHUTDOWN_STATES.contains(state))) {
                return true;
            }
            // A read that timed out on the socket (socketTimeout) is a database that stopped answering.
            if (sql.getCause() instanceof SocketTimeoutException) {
                return true;
            }
        }
        String message = t.getMessage();
        return message != null && message.contains(POOL_CANNOT_ALLOCATE) && !message.contains(POOL_EXHAUSTED);
    }
}
