package org.soundwave.platform.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.soundwave.platform.NodeIdentity;
import org.soundwave.platform.health.WarmUp;
import org.soundwave.platform.metrics.RequestMetrics;

/**
 * The first filter every request of the application passes: takes the request id httpd assigned
 * ({@link RequestId}), times the request for the per-endpoint metrics ({@link RequestMetrics}) and
 * writes one line per request to the node's log (logger {@code org.soundwave.request}):
 * {@code id=… node=node1 method=GET path=/posts/7 status=200 ms=12}. A request that fails with an
 * exception is logged with its stack trace under the same id before the container answers it.
 * Query strings are left out of the log (they may carry what a member typed). Payara's own endpoints
 * that pass through the application's filters ({@code /health/*}, {@code /metrics}) and the node's own
 * warm-up requests ({@link WarmUp}) are neither logged nor counted: httpd's health checks and scrapes would drown the requests of users (and a drained node would
 * never reach zero requests in flight while its scrape is counted).
 */
@WebFilter(filterName = "requestLog", asyncSupported = true) // mapped first in web.xml
public class RequestLogFilter extends HttpFilter {

    private static final Logger LOG = Logger.getLogger("org.soundwave.request");

    @Inject
    NodeIdentity node;

    @Inject
    RequestMetrics metrics;

    @Inject
    WarmUp warmUp;

    @Inject
    @ConfigProperty(name = "soundwave.request-log.enabled", defaultValue = "true")
    boolean logEnabled;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (isPayaraEndpoint(path) || warmUp.isWarmUpRequest(request)) {
            chain.doFilter(request, response);
            return;
        }
        String id = RequestId.of(request);
        RequestId.enter(id);
        response.setHeader(RequestId.HEADER, id);
        long started = System.nanoTime();
        metrics.started();
        int status = 500;
        try {
            chain.doFilter(request, response);
            status = response.getStatus();
        } catch (IOException | ServletException | RuntimeException | Error e) {
            LOG.log(Level.SEVERE, "id=" + id + " node=" + node.name() + " failed: " + e, e);
            throw e;
        } finally {
            long nanos = System.nanoTime() - started;
            metrics.finished(request.getMethod(), path, status, nanos);
            if (logEnabled) {
                LOG.info("id=" + id + " node=" + node.name() + " method=" + request.getMethod() + " path=" + path
                        + " status=" + status + " ms=" + TimeUnit.NANOSECONDS.toMillis(nanos));
            }
            RequestId.leave();
        }
    }

    private static boolean isPayaraEndpoint(String path) {
        return path.equals("/health") || path.startsWith("/health/") || path.equals("/metrics") || path.startsWith("/metrics/");
    }
}
