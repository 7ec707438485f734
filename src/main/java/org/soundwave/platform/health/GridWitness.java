package org.soundwave.platform.health;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.soundwave.platform.Database;
import org.soundwave.platform.DatabaseAvailability;
import org.soundwave.platform.NodeIdentity;
import org.soundwave.platform.health.GridQuorum.Sighting;

/**
 * PostgreSQL as the data grid's witness ({@link GridQuorum}): each second this node notes in table
 * grid_member its Hazelcast address, its grid's name and the members of the grid it sees, and reads the
 * notes of the last {@value #RECENT_SECONDS} seconds of the grid of its name (the database's clock for
 * both, so the nodes' clocks do not matter). A grid of another name on the same database (the EAR on a
 * Payara Server domain, say) is another application's, never the larger side of this one's partition.
 * Its own note is removed when it stops. While PostgreSQL is unreachable nothing is known and nothing is
 * claimed.
 */
@ApplicationScoped
public class GridWitness {

    static final int RECENT_SECONDS = 5;

    private static final Logger LOG = Logger.getLogger(GridWitness.class.getName());

    private static final String NOTE = """
            INSERT INTO grid_member (address, cluster, node, grid, seen_at) VALUES (?, ?, ?, ?, now())
            ON CONFLICT (address) DO UPDATE SET cluster = EXCLUDED.cluster, node = EXCLUDED.node, grid = EXCLUDED.grid,
            seen_at = now()""";
    private static final String RECENT = """
            SELECT address, node, grid FROM grid_member WHERE cluster = ? AND seen_at > now() - make_interval(secs => ?)""";

    @Resource(lookup = "payara/Hazelcast")
    HazelcastInstance hazelcast;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    DatabaseAvailability database;

    @Inject
    NodeIdentity node;

    private volatile List<Sighting> largerSide = List.of();
    private ScheduledFuture<?> noting;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (hazelcast != null) {
            noting = scheduler.scheduleWithFixedDelay(this::note, 1, 1, TimeUnit.SECONDS);
        }
    }

    /** The members of a larger grid this node is cut off from (empty unless it is on the smaller side). */
    public List<Sighting> largerSide() {
        return largerSide;
    }

    void note() {
        if (!database.reachable() || !hazelcast.getLifecycleService().isRunning()) {
            largerSide = List.of();
            return;
        }
        Set<String> grid = hazelcast.getCluster().getMembers().stream().map(GridWitness::address).collect(Collectors.toSet());
        String self = address(hazelcast.getCluster().getLocalMember());
        String cluster = hazelcast.getConfig().getClusterName();
        try (Connection c = dataSource.getConnection();
             PreparedStatement note = c.prepareStatement(NOTE);
             PreparedStatement recent = c.prepareStatement(RECENT)) {
            note.setQueryTimeout(2);
            note.setString(1, self);
            note.setString(2, cluster);
            note.setString(3, node.name());
            note.setString(4, String.join(",", grid));
            note.executeUpdate();
            recent.setQueryTimeout(2);
            recent.setString(1, cluster);
            recent.setInt(2, RECENT_SECONDS);
            List<Sighting> seen = new ArrayList<>();
            try (ResultSet rows = recent.executeQuery()) {
                while (rows.next()) {
                    seen.add(new Sighting(rows.getString(1), rows.getString(2), Set.of(rows.getString(3).split(","))));
                }
            }
            List<Sighting> larger = GridQuorum.largerSide(self, grid, seen);
            if (!larger.isEmpty() && largerSide.isEmpty()) {
                LOG.warning(() -> "data grid: cut off from a larger grid (" + larger + ", this node sees " + grid.size()
                        + "): out of rotation until the grids merge");
            }
            largerSide = larger;
        } catch (SQLException | RuntimeException e) {
            largerSide = List.of();
            if (!database.failed(e)) {
                LOG.log(Level.WARNING, "could not note this node in grid_member", e);
            }
        }
    }

    private static String address(Member member) {
        return member.getAddress().getHost() + ":" + member.getAddress().getPort();
    }

    @PreDestroy
    void stop() {
        if (noting == null) {
            return;
        }
        noting.cancel(false);
        try (Connection c = dataSource.getConnection();
             PreparedStatement forget = c.prepareStatement("DELETE FROM grid_member WHERE node = ?")) {
            forget.setQueryTimeout(2);
            forget.setString(1, node.name());
            forget.executeUpdate();
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.FINE, "could not remove this node's note from grid_member", e);
        }
    }
}
