package org.soundwave.platform.health;

import com.hazelcast.cluster.Cluster;
import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while this node is a running member of the Hazelcast data grid (sessions and caches live
 * there). Reports the cluster size as this member sees it.
 */
@Readiness
@ApplicationScoped
public class HazelcastCheck implements HealthCheck {

    @Resource(lookup = "payara/Hazelcast")
    HazelcastInstance hazelcast;

    @Override
    public HealthCheckResponse call() {
        if (hazelcast == null || !hazelcast.getLifecycleService().isRunning()) {
            return HealthCheckResponse.named("hazelcast").down().withData("error", "data grid not running").build();
        }
        Cluster cluster = hazelcast.getCluster();
        Set<Member> members = cluster.getMembers();
        boolean member = members.contains(cluster.getLocalMember());
        String addresses = members.stream()
                .map(m -> m.getAddress().getHost() + ":" + m.getAddress().getPort())
                .sorted()
                .collect(Collectors.joining(","));
        return HealthCheckResponse.named("hazelcast")
                .status(member)
                .withData("clusterName", hazelcast.getConfig().getClusterName())
                .withData("members", members.size())
                .withData("addresses", addresses)
                .build();
    }
}
