package org.soundwave.platform.web;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a visitor's session remembers of the nodes that served it: how many pages, and the most recent
 * ones. Immutable, so a new value is always set back into the session and replicated.
 */
public final class VisitHistory implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public static final int KEPT = 10;

    public record Visit(String node, Instant at) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        public Visit {
            Objects.requireNonNull(node, "node");
            Objects.requireNonNull(at, "at");
        }
    }

    private final long total;
    private final List<Visit> recent;

    private VisitHistory(long total, List<Visit> recent) {
        this.total = total;
        this.recent = List.copyOf(recent);
    }

    public static VisitHistory empty() {
        return new VisitHistory(0, List.of());
    }

    /** This history with one more visit, newest first, keeping the last {@value #KEPT}. */
    public VisitHistory with(Visit visit) {
        List<Visit> next = new ArrayList<>(KEPT);
        next.add(Objects.requireNonNull(visit, "visit"));
        next.addAll(recent.subList(0, Math.min(recent.size(), KEPT - 1)));
        return new VisitHistory(total + 1, next);
    }

    public long total() {
        return total;
    }

    /** The latest visits, newest first. */
    public List<Visit> recent() {
        return recent;
    }

    /** The distinct nodes among the recent visits, in order of first appearance (newest first). */
    public List<String> recentNodes() {
        return recent.stream().map(Visit::node).distinct().toList();
    }
}
