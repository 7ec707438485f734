package org.soundwave.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.soundwave.platform.NodeIdentity;

/** Not ready while an operator has drained this node (or all nodes). */
@Readiness
@ApplicationScoped
public class DrainCheck implements HealthCheck {

    @Inject
    NodeIdentity node;

    @Inject
    DrainSwitch drainSwitch;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("drain").withData("node", node.name());
        try {
            Optional<NodeDrain> drain = drainSwitch.drainOf(node.name());
            if (drain.isEmpty()) {
                return response.up().build();
            }
            NodeDrain d = drain.get();
            return response.down()
                    .withData("drainedBy", d.node())
                    .withData("reason", d.reason() == null ? "" : d.reason())
                    .withData("since", String.valueOf(d.drainedAt()))
                    .build();
        } catch (RuntimeException e) {
            return response.down().withData("error", "drain switch unreadable: " + e.getMessage()).build();
        }
    }
}
