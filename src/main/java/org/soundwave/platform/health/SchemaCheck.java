package org.soundwave.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;
import org.soundwave.platform.SchemaMigration;

/** Started once the schema migrations have been applied (by this node or another). */
@Startup
@ApplicationScoped
public class SchemaCheck implements HealthCheck {

    @Inject
    SchemaMigration migration;

    @Override
    public HealthCheckResponse call() {
        String version = migration.schemaVersion();
        return HealthCheckResponse.named("schema")
                .status(version != null)
                .withData("version", version == null ? "none" : version)
                .build();
    }
}
