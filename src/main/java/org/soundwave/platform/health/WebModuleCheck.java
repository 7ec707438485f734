package org.soundwave.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only once the web module serves requests (see {@link WebModuleStarted}). */
@Readiness
@ApplicationScoped
public class WebModuleCheck implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("web").status(WebModuleStarted.STARTED.get()).build();
    }
}
