package org.soundwave.platform.metrics;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionAttributeListener;
import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Counts what this node writes into sessions: sessions created ({@code soundwave_sessions_created_total})
 * and attributes set or removed ({@code soundwave_session_writes_total}, labelled with the attribute's name).
 * A replicated session is written to the data grid only when an attribute is set again, so a page view
 * that leaves these counters alone costs no replication. Faces' server-side view state is an attribute
 * too (Mojarra's logical view map), so a stateful view shows up here by name.
 * At most {@value #MAX_NAMES} attribute names are told apart; any beyond count as {@code other}.
 */
@WebListener
public class SessionWrites implements HttpSessionListener, HttpSessionAttributeListener {

    static final int MAX_NAMES = 50;

    @Inject
    MetricRegistry metrics;

    private final ConcurrentMap<String, Counter> writes = new ConcurrentHashMap<>();

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        metrics.counter(Metadata.builder().withName("soundwave.sessions.created")
                .withDescription("Sessions this node created").build()).inc();
    }

    @Override
    public void attributeAdded(HttpSessionBindingEvent event) {
        written(event.getName());
    }

    @Override
    public void attributeReplaced(HttpSessionBindingEvent event) {
        written(event.getName());
    }

    @Override
    public void attributeRemoved(HttpSessionBindingEvent event) {
        written(event.getName());
    }

    private void written(String attribute) {
        String name = writes.containsKey(attribute) || writes.size() < MAX_NAMES ? attribute : "other";
        writes.computeIfAbsent(name, n -> metrics.counter(Metadata.builder().withName("soundwave.session.writes")
                .withDescription("Session attributes this node set or removed, by attribute").build(),
                new Tag("attribute", n))).inc();
    }
}
