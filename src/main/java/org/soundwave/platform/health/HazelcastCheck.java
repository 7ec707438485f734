package org.soundwave.platform.health;

import com.hazelcast.cluster.Cluster;
import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.soundwave.platform.health.GridQuorum.Sighting;

/**
 * Ready only while this node is a running member of the Hazelcast data grid (sessions and caches live
 * there) and not on the smaller side of a split grid ({@link GridQuorum}, witnessed by PostgreSQL: a node
 * cut off from the others leaves rotation until the grids merge). Reports the cluster size as this
 * member sees it.
 */
@Readiness
@ApplicationScoped
public class HazelcastCheck implements HealthCheck {

    @Resource(lookup = "payara/Hazelcast")
    HazelcastInstance hazelcast;

    @Inject
    GridWitness witness;

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
        List<Sighting> largerSide = witness.largerSide();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("hazelcast")
                .status(member && largerSide.isEmpty())
                .withData("clusterName", hazelcast.getConfig().getClusterName())
                .withData("members", members.size())
                .withData("addresses", addresses);
        if (!largerSide.isEmpty()) {
            int larger = largerSide.stream().mapToInt(sighting -> sighting.grid().size()).max().orElseThrow();
            response.withData("error", "in the data grid's minority: cut off from a grid of " + larger + " ("
                    + largerSide.stream().map(Sighting::node).sorted().collect(Collectors.joining(", "))
                    + ", still alive in PostgreSQL) while this node sees " + members.size() + "; back once the grids merge");
        }
        return response.build();
    }
}
