package org.soundwave.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the versioned SQL migrations under {@code db/migration} before the application serves anything.
 * Flyway holds a PostgreSQL advisory lock while it migrates, so nodes that start together apply each
 * migration exactly once; the others wait, then find nothing left to do. A failed migration fails the
 * deployment, so a node with a wrong schema never becomes ready.
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    private volatile String schemaVersion;

    @PostConstruct
    void migrate() {
        MigrateResult result = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .validateMigrationNaming(true)
                .load()
                .migrate();
        schemaVersion = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        LOG.info(() -> "Schema at version " + schemaVersion + " (" + result.migrationsExecuted + " migrations applied by this node)");
    }

    /** The schema version after migration, or null before it finished. */
    public String schemaVersion() {
        return schemaVersion;
    }
}
