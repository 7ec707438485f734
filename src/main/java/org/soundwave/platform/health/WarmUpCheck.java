package org.soundwave.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only once this node has run its warm-up pass (see {@link WarmUp}); says how it went. */
@Readiness
@ApplicationScoped
public class WarmUpCheck implements HealthCheck {

    @Inject
    WarmUp warmUp;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("warm-up").status(warmUp.ready())
                .withData("state", warmUp.state())
                .withData("requests", warmUp.served())
                .withData("notOk", warmUp.failed())
                .withData("seconds", warmUp.seconds())
                .withData("settleRequests", warmUp.settleRequests())
                .withData("settleMillis", warmUp.settleMillis())
                .withData("jitSettled", warmUp.settled())
                .withData("gridWaitMillis", warmUp.gridWaitMillis())
                .withData("member", warmUp.signedInAs())
                .build();
    }
}
