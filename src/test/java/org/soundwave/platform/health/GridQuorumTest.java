package org.soundwave.platform.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.soundwave.platform.health.GridQuorum.Sighting;

/** A node is cut off when members outside its grid, alive by their notes, see a larger grid without it. */
class GridQuorumTest {

    private static final String NODE1 = "198.18.0.11:5901";
    private static final String NODE2 = "198.18.0.12:5902";
    private static final String NODE3 = "198.18.0.13:5903";

    @Test
    void aNodeAloneWhileTheOthersNoteALargerGridWithoutItIsCutOff() {
        List<Sighting> others = List.of(new Sighting(NODE1, "node1", Set.of(NODE1, NODE3)), new Sighting(NODE3, "node3", Set.of(NODE1, NODE3)));
        assertEquals(others, GridQuorum.largerSide(NODE2, Set.of(NODE2), others));
    }

    @Test
    void theLargerSideIsNotCutOffByTheMemberItLost() {
        assertTrue(GridQuorum.largerSide(NODE1, Set.of(NODE1, NODE3), List.of(
                new Sighting(NODE3, "node3", Set.of(NODE1, NODE3)), new Sighting(NODE2, "node2", Set.of(NODE2)))).isEmpty());
    }

    @Test
    void theLastNotesOfMembersThatLeftOrDiedStillCountThisNodeIn() {
        // node2 stopped (or died) a moment ago: node1's grid has lost it, its last note still names node1.
        assertTrue(GridQuorum.largerSide(NODE1, Set.of(NODE1, NODE3),
                List.of(new Sighting(NODE2, "node2", Set.of(NODE1, NODE2, NODE3)))).isEmpty());
    }

    @Test
    void aNodeThatOutlivedTheOthersServesOnTheirNotesHaveStoppedComingIn() {
        assertTrue(GridQuorum.largerSide(NODE3, Set.of(NODE3), List.of()).isEmpty());
    }

    @Test
    void anEvenSplitLeavesBothHalvesServing() {
        String node4 = "198.18.0.14:5904";
        assertTrue(GridQuorum.largerSide(NODE1, Set.of(NODE1, NODE2), List.of(
                new Sighting(NODE3, "node3", Set.of(NODE3, node4)), new Sighting(node4, "node4", Set.of(NODE3, node4)))).isEmpty());
    }
}
