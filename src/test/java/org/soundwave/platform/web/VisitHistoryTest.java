package org.soundwave.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class VisitHistoryTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static VisitHistory visits(String... nodes) {
        VisitHistory history = VisitHistory.empty();
        for (int i = 0; i < nodes.length; i++) {
            history = history.with(new VisitHistory.Visit(nodes[i], T0.plusSeconds(i)));
        }
        return history;
    }

    @Test
    void countsEveryVisitAndListsTheNewestFirst() {
        VisitHistory history = visits("node1", "node1", "node2");
        assertEquals(3, history.total());
        assertEquals(List.of("node2", "node1", "node1"), history.recent().stream().map(VisitHistory.Visit::node).toList());
        assertEquals(List.of("node2", "node1"), history.recentNodes());
    }

    @Test
    void keepsOnlyTheLatestVisitsButCountsThemAll() {
        VisitHistory history = VisitHistory.empty();
        for (int i = 0; i < 25; i++) {
            history = history.with(new VisitHistory.Visit("node" + i, T0.plusSeconds(i)));
        }
        assertEquals(25, history.total());
        assertEquals(VisitHistory.KEPT, history.recent().size());
        assertEquals("node24", history.recent().get(0).node());
        assertEquals("node15", history.recent().get(VisitHistory.KEPT - 1).node());
    }

    @Test
    void isNotChangedByAddingAVisit() {
        VisitHistory before = visits("node1");
        before.with(new VisitHistory.Visit("node2", T0));
        assertEquals(1, before.total());
    }

    @Test
    void rejectsAVisitWithoutANode() {
        assertThrows(NullPointerException.class, () -> new VisitHistory.Visit(null, T0));
    }

    @Test
    void survivesSerializationAsTheSessionReplicatesIt() throws IOException, ClassNotFoundException {
        VisitHistory history = visits("node1", "node2");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(history);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            VisitHistory copy = (VisitHistory) in.readObject();
            assertEquals(history.total(), copy.total());
            assertEquals(history.recent(), copy.recent());
        }
    }
}
