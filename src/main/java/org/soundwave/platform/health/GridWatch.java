package org.soundwave.platform.health;

import com.hazelcast.cache.ICache;
import com.hazelcast.cache.impl.ICacheService;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.config.CacheConfig;
import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.impl.MapService;
import com.hazelcast.replicatedmap.impl.ReplicatedMapService;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * What happens to this node's place in the data grid, in its log and metrics: members joining and
 * leaving, and the merge after a network partition heals (the smaller side joins the larger one; each
 * structure keeps or drops the smaller side's entries by its merge policy, see Caches). Counted as
 * {@code soundwave_grid_merges_total} (merges this node went through) and {@code soundwave_grid_members}.
 */
@ApplicationScoped
public class GridWatch {

    private static final Logger LOG = Logger.getLogger(GridWatch.class.getName());

    @Resource(lookup = "payara/Hazelcast")
    HazelcastInstance hazelcast;

    @Inject
    MetricRegistry metrics;

    private UUID membershipListener;
    private UUID lifecycleListener;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (hazelcast == null) {
            return;
        }
        Counter merges = metrics.counter(Metadata.builder().withName("soundwave.grid.merges")
                .withDescription("Merges into the larger side of the data grid this node went through after a partition").build());
        metrics.gauge(Metadata.builder().withName("soundwave.grid.members")
                .withDescription("Members of the data grid as this node sees them").build(),
                () -> hazelcast.getLifecycleService().isRunning() ? hazelcast.getCluster().getMembers().size() : 0);
        membershipListener = hazelcast.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent event) {
                LOG.info(() -> "data grid: " + event.getMember().getAddress() + " joined; " + event.getMembers().size() + " members");
            }

            @Override
            public void memberRemoved(MembershipEvent event) {
                // If it was cut off rather than stopped, the two sides merge once they meet again, by these policies.
                LOG.warning(() -> "data grid: " + event.getMember().getAddress() + " left; " + event.getMembers().size() + " members."
                        + " Merge policies, should the two sides meet again: " + mergePolicies());
            }
        });
        lifecycleListener = hazelcast.getLifecycleService().addLifecycleListener(event -> {
            switch (event.getState()) {
                case MERGING -> LOG.warning("data grid: a partition has healed; this side is the smaller one and merges into the other");
                case MERGED -> {
                    merges.inc();
                    LOG.warning(() -> "data grid: merged after a partition; " + hazelcast.getCluster().getMembers().size() + " members");
                }
                case MERGE_FAILED -> LOG.severe("data grid: the merge after a partition failed");
                default -> LOG.log(Level.FINE, "data grid: {0}", event.getState());
            }
        });
    }

    /** Each map, cache and replicated map of the grid with the merge policy its configuration names. */
    String mergePolicies() {
        Config config = hazelcast.getConfig();
        return hazelcast.getDistributedObjects().stream()
                .map(object -> object.getName() + "=" + simpleName(switch (object.getServiceName()) {
                    case MapService.SERVICE_NAME -> config.findMapConfig(object.getName()).getMergePolicyConfig().getPolicy();
                    case ReplicatedMapService.SERVICE_NAME -> config.findReplicatedMapConfig(object.getName()).getMergePolicyConfig().getPolicy();
                    case ICacheService.SERVICE_NAME -> object instanceof ICache<?, ?> cache
                            ? cache.getConfiguration(CacheConfig.class).getMergePolicyConfig().getPolicy() : "?";
                    default -> null;
                }))
                .filter(entry -> !entry.endsWith("=null"))
                .sorted()
                .collect(Collectors.joining(", "));
    }

    private static String simpleName(String policy) {
        return policy == null ? "null" : policy.substring(policy.lastIndexOf('.') + 1);
    }

    @PreDestroy
    void unregister() {
        if (hazelcast != null && hazelcast.getLifecycleService().isRunning()) {
            if (membershipListener != null) {
                hazelcast.getCluster().removeMembershipListener(membershipListener);
            }
            if (lifecycleListener != null) {
                hazelcast.getLifecycleService().removeLifecycleListener(lifecycleListener);
            }
        }
    }
}
