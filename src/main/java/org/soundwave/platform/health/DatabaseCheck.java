package org.soundwave.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.soundwave.platform.DatabaseAvailability;

/**
 * Whether PostgreSQL answers, reported without making the node unready: the database is shared by every
 * node, so taking this one out of rotation would help no visitor (no other node would do better) and would
 * stop it serving the cached pages it still can. The check says so: status UP, {@code reachable} false,
 * {@code since} and {@code error} while the database is away. Each call (httpd's health check, every two
 * seconds) is also a probe: it starts or ends the node's outage mode (see {@link DatabaseAvailability}).
 */
@Readiness
@ApplicationScoped
public class DatabaseCheck implements HealthCheck {

    static final String NAME = "database";

    @Inject
    DatabaseAvailability database;

    @Override
    public HealthCheckResponse call() {
        boolean reachable = database.probe();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).up()
                .withData("reachable", reachable)
                .withData("affectsReadiness", "no: a shared dependency, the same for every node");
        database.outage().ifPresent(outage -> response
                .withData("since", outage.since().toString())
                .withData("error", outage.error()));
        return response.build();
    }
}
