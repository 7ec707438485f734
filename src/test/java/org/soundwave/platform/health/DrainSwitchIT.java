package org.soundwave.platform.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.io.File;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.soundwave.platform.ClusterDatabase;
import org.soundwave.platform.Database;
import org.soundwave.platform.SchemaMigration;
import org.soundwave.platform.TestCluster;

/**
 * In-container (Arquillian, Payara Micro): the real WAR's migrated schema, the drain switch read through
 * JPA, and the health checks built on them, against real PostgreSQL. Uses node names of its own, so the
 * test cluster's nodes are never drained by it.
 */
@ExtendWith({ClusterDatabase.class, ArquillianExtension.class})
class DrainSwitchIT {

    private final String node = "arq-" + UUID.randomUUID().toString().substring(0, 8);

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class,
                        new File(System.getProperty("soundwave.war.file", "target/soundwave.war")))
                .addClasses(ClusterDatabase.class, TestCluster.class);
    }

    @Inject
    DrainSwitch drainSwitch;

    @Inject
    SchemaMigration migration;

    @Inject
    @Readiness
    DatabaseCheck databaseCheck;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @AfterEach
    void removeSwitches() throws SQLException {
        update("DELETE FROM node_drain WHERE node LIKE ?", node + "%");
    }

    @Test
    void theSchemaIsMigratedBeforeTheApplicationServes() {
        assertTrue(migration.schemaVersion() != null && Integer.parseInt(migration.schemaVersion()) >= 1,
                "schema version " + migration.schemaVersion());
    }

    @Test
    void aNodeWithoutASwitchIsNotDrained() {
        assertTrue(drainSwitch.drainOf(node).isEmpty());
    }

    @Test
    void aSwitchForTheNodeDrainsItAndCarriesTheOperatorsReason() throws SQLException {
        update("INSERT INTO node_drain (node, reason) VALUES (?, 'disk check')", node);

        NodeDrain drain = drainSwitch.drainOf(node).orElseThrow();
        assertEquals(node, drain.node());
        assertEquals("disk check", drain.reason());
        assertTrue(drain.drainedAt() != null, "the database stamps when it was drained");
        assertTrue(drainSwitch.drainOf(node + "-other").isEmpty(), "another node is not drained by it");
    }

    @Test
    void theDatabaseCheckIsUpAndSaysPostgresAnswers() {
        HealthCheckResponse check = databaseCheck.call();
        assertEquals(HealthCheckResponse.Status.UP, check.getStatus());
        assertEquals(Boolean.TRUE, check.getData().orElseThrow().get("reachable"));
    }

    private void update(String sql, String value) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, value);
            s.executeUpdate();
        }
    }
}
