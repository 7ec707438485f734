package org.soundwave.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.soundwave.platform.NodeIdentity;

/**
 * Ready only once the web module serves requests (see {@link WebModuleStarted}). Its data names the
 * build this node runs: bin/cluster deploy and status read it.
 */
@Readiness
@ApplicationScoped
public class WebModuleCheck implements HealthCheck {

    @Inject
    NodeIdentity node;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("web").status(WebModuleStarted.STARTED.get())
                .withData("version", node.version())
                .build();
    }
}
