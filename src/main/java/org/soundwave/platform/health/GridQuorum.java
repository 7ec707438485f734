package org.soundwave.platform.health;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Whether this node is on the smaller side of a split data grid. A node cannot tell on its own whether
 * the members it lost died or were cut off; PostgreSQL, which every node still reaches, witnesses it
 * ({@link GridWitness}). Members that keep noting in the database that they are alive, outside this
 * node's grid, in a larger grid that has lost this node too, are the larger side of a partition, and this
 * node is the one cut off. Members that died or left stop noting, and their last notes still count this
 * node in, so a node that outlives the others stays in service. An even split leaves both halves
 * serving: no side can tell it should be the one to step back.
 */
public final class GridQuorum {

    /** A member's latest note: its Hazelcast address, node name and the members of the grid it sees. */
    public record Sighting(String address, String node, Set<String> grid) {
    }

    private GridQuorum() {
    }

    /** The recently seen members of a larger grid without this node: empty unless it is cut off. */
    public static List<Sighting> largerSide(String self, Set<String> ownGrid, Collection<Sighting> recent) {
        return recent.stream()
                .filter(member -> !ownGrid.contains(member.address()) && !member.grid().contains(self)
                        && member.grid().size() > ownGrid.size())
                .toList();
    }
}
