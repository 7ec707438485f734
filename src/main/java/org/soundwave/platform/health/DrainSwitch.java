package org.soundwave.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/**
 * Reads the operator's drain switches ({@code bin/cluster drain}). A switch for this node's name or
 * for every node makes readiness DOWN, so httpd's health check stops sending it new requests while the
 * node keeps running and finishes what it has.
 */
@ApplicationScoped
public class DrainSwitch {

    @PersistenceContext(unitName = "soundwave")
    EntityManager em;

    /** The switch that drains {@code node}, if any: its own, else the cluster-wide one. */
    public Optional<NodeDrain> drainOf(String node) {
        List<NodeDrain> switches = em.createQuery(
                        "SELECT d FROM NodeDrain d WHERE d.node IN (:node, :all) ORDER BY d.node DESC", NodeDrain.class)
                .setParameter("node", node)
                .setParameter("all", NodeDrain.ALL_NODES)
                .getResultList();
        return switches.stream().findFirst();
    }
}
