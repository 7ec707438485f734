package org.soundwave.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Live unless threads are deadlocked: the one state a restart, and nothing less, repairs. */
@Liveness
@ApplicationScoped
public class DeadlockCheck implements HealthCheck {

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    @Override
    public HealthCheckResponse call() {
        long[] deadlocked = threads.findDeadlockedThreads();
        int count = deadlocked == null ? 0 : deadlocked.length;
        return HealthCheckResponse.named("threads")
                .status(count == 0)
                .withData("deadlocked", count)
                .withData("live", threads.getThreadCount())
                .build();
    }
}
