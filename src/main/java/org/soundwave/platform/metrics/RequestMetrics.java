package org.soundwave.platform.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * Requests and their latency per endpoint and method on this node ({@code soundwave_http_requests_seconds}:
 * count, sum, max and quantiles), responses by status class ({@code soundwave_http_responses_total}) and
 * the requests in flight ({@code soundwave_http_requests_active}; bin/cluster deploy waits for it to reach
 * zero on a drained node). At most {@value #MAX_ENDPOINTS} endpoints are named; any beyond are
 * {@code other}.
 */
@ApplicationScoped
public class RequestMetrics {

    static final int MAX_ENDPOINTS = 200;

    @Inject
    MetricRegistry metrics;

    private final AtomicInteger active = new AtomicInteger();
    private final ConcurrentMap<String, Timer> timers = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Counter> responses = new ConcurrentHashMap<>();

    /** At start, so a node that has served nothing yet (a standby) shows zero rather than nothing. */
    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        metrics.gauge(Metadata.builder().withName("soundwave.http.requests.active")
                .withDescription("Requests this node is serving now").build(), active, AtomicInteger::get);
    }

    public void started() {
        active.incrementAndGet();
    }

    public void finished(String method, String path, int status, long nanos) {
        active.decrementAndGet();
        String named = Endpoints.of(path, status);
        String endpoint = timers.containsKey(named + ' ' + method) || timers.size() < MAX_ENDPOINTS ? named : "other";
        timers.computeIfAbsent(endpoint + ' ' + method, key -> timer(endpoint, method)).update(Duration.ofNanos(nanos));
        responses.computeIfAbsent(status / 100 + "xx", this::responseCounter).inc();
    }

    private Timer timer(String endpoint, String method) {
        return metrics.timer(Metadata.builder().withName("soundwave.http.requests")
                .withDescription("Requests served by this node and their duration, per endpoint and method")
                .withUnit(MetricUnits.NANOSECONDS).build(), new Tag("endpoint", endpoint), new Tag("method", method));
    }

    private Counter responseCounter(String statusClass) {
        return metrics.counter(Metadata.builder().withName("soundwave.http.responses")
                .withDescription("Responses this node sent, by status class").build(), new Tag("status", statusClass));
    }
}
