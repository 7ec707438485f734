package org.soundwave.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** Which failures mean "PostgreSQL is unreachable" (503, stale pages) and which are answers it gave. */
class DatabaseOutageTest {

    @Test
    void aRefusedConnectionDeepInsideTheJpaExceptionsIsAnOutage() {
        SQLException refused = new SQLException("Connection to 127.0.0.1:5433 refused", "08001", new ConnectException("Connection refused"));
        assertTrue(DatabaseOutage.causedBy(new PersistenceException("Exception [EclipseLink-4002]", new RuntimeException(refused))));
    }

    @Test
    void connectionStatesAndShutdownStatesAreOutages() {
        assertTrue(DatabaseOutage.causedBy(new SQLException("An I/O error occurred while sending to the backend.", "08006")));
        assertTrue(DatabaseOutage.causedBy(new SQLException("terminating connection due to administrator command", "57P01")));
        assertTrue(DatabaseOutage.causedBy(new SQLException("the database system is starting up", "57P03")));
        assertTrue(DatabaseOutage.causedBy(new SQLTransientConnectionException("gone")));
        assertTrue(DatabaseOutage.causedBy(new SQLException("Read timed out", null, new SocketTimeoutException("Read timed out"))));
    }

    @Test
    void thePoolFailingToOpenAConnectionIsAnOutageButABusyPoolIsNot() {
        assertTrue(DatabaseOutage.causedBy(new SQLException(
                "Error in allocating a connection. Cause: Connection could not be allocated because: Connection to 127.0.0.1:5433 refused.")));
        assertFalse(DatabaseOutage.causedBy(new SQLException(
                "Error in allocating a connection. Cause: In-use connections equal max-pool-size and expired max-wait-time. Cannot allocate more connections.")));
    }

    @Test
    void answersFromADatabaseThatIsUpAreNotOutages() {
        assertFalse(DatabaseOutage.causedBy(new SQLException("duplicate key value violates unique constraint", "23505")));
        assertFalse(DatabaseOutage.causedBy(new SQLException("canceling statement due to lock timeout", "55P03")));
        assertFalse(DatabaseOutage.causedBy(new PersistenceException("no result", new IllegalStateException("x"))));
        assertFalse(DatabaseOutage.causedBy(new SQLException("no state at all")));
    }

    @Test
    void aChainedNextExceptionIsLookedAtAndACycleEnds() {
        SQLException batch = new SQLException("Batch entry 0 was aborted", "22001");
        batch.setNextException(new SQLException("This connection has been closed.", "08003"));
        assertTrue(DatabaseOutage.causedBy(batch));

        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertFalse(DatabaseOutage.causedBy(a));
    }
}
