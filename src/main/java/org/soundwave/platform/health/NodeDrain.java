package org.soundwave.platform.health;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A drain switch set by an operator: for one node by name, or for every node ({@link #ALL_NODES}). */
@Entity
@Table(name = "node_drain")
public class NodeDrain {

    public static final String ALL_NODES = "*";

    @Id
    @Column(name = "node", length = 64)
    private String node;

    @Column(name = "reason", length = 200)
    private String reason;

    @Column(name = "drained_at", nullable = false, insertable = false, updatable = false)
    private OffsetDateTime drainedAt;

    protected NodeDrain() {
    }

    public String node() {
        return node;
    }

    public String reason() {
        return reason;
    }

    public OffsetDateTime drainedAt() {
        return drainedAt;
    }
}
