package org.soundwave.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.soundwave.platform.DatabaseAvailability;

/**
 * Reads the operator's drain switches ({@code bin/cluster drain}). A switch for this node's name or
 * for every node makes readiness DOWN, so httpd's health check stops sending it new requests while the
 * node keeps running and finishes what it has. The switches live in PostgreSQL; while it is unreachable
 * nobody can turn one (bin/cluster writes them there too), so the last state read stands.
 */
@ApplicationScoped
public class DrainSwitch {

    @PersistenceContext(unitName = "soundwave")
    EntityManager em;

    @Inject
    DatabaseAvailability database;

    private final Map<String, Optional<NodeDrain>> lastRead = new ConcurrentHashMap<>();

    /**
     * The switch that drains {@code node}, if any: its own, else the cluster-wide one. While the database is
     * unreachable, the state last read.
     */
    public Optional<NodeDrain> drainOf(String node) {
        if (!database.reachable()) {
            return lastRead.getOrDefault(node, Optional.empty());
        }
        try {
            Optional<NodeDrain> drain = read(node);
            lastRead.put(node, drain);
            return drain;
        } catch (RuntimeException e) {
            if (!database.failed(e)) {
                throw e;
            }
            return lastRead.getOrDefault(node, Optional.empty());
        }
    }

    private Optional<NodeDrain> read(String node) {
        List<NodeDrain> switches = em.createQuery(
                        "SELECT d FROM NodeDrain d WHERE d.node IN (:node, :all) ORDER BY d.node DESC", NodeDrain.class)
                .setParameter("node", node)
                .setParameter("all", NodeDrain.ALL_NODES)
                .getResultList();
        return switches.stream().findFirst();
    }
}
