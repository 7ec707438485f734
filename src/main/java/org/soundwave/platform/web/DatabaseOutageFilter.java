package org.soundwave.platform.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;
import org.soundwave.platform.DatabaseAvailability;
import org.soundwave.platform.api.Problem;

/**
 * While PostgreSQL is unreachable ({@link DatabaseAvailability}), what needs it is answered at once and
 * clearly instead of waiting on the connection pool: pages get Soundwave's "temporarily unavailable" page,
 * the API a problem+json, both 503 with {@code Retry-After}. A request that runs into the outage itself
 * (the one that discovers it) gets the same answer, and from then on the node knows. Mapped right after
 * the page cache, which serves what it holds (stale if need be) before this filter is reached.
 * <p>
 * Nothing is half-written: the failing request's transaction rolled back before its exception got here.
 */
@WebFilter(filterName = "databaseOutage", asyncSupported = true) // mapped in web.xml (filter order)
public class DatabaseOutageFilter extends HttpFilter {

    /** Paths that never touch the database: health (it reports the outage), metrics, the contract, static files. */
    private static final List<String> WITHOUT_DATABASE = List.of("/health", "/metrics", "/openapi", "/jakarta.faces.resource/", "/resources/", "/sign-out",
            "/favicon.ico", "/robots.txt");

    private static final String PAGE = "/unavailable.xhtml";

    @Inject
    DatabaseAvailability database;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (WITHOUT_DATABASE.stream().anyMatch(path::startsWith)) {
            chain.doFilter(request, response);
            return;
        }
        boolean api = path.startsWith("/api/");
        if (!database.reachable()) {
            answer(request, response, api);
            return;
        }
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!database.failed(e) || response.isCommitted()) {
                throw e;
            }
            response.reset();
            answer(request, response, api);
        }
    }

    /**
     * The 503 for a request that needs the database while it is unreachable: problem+json for the API,
     * else the site's page (also ErrorPages' answer when the database went away before any filter ran).
     * {@code Retry-After} is left to the page cache when it renders this (it may still serve a stale copy
     * instead, and a header cannot be taken back).
     */
    /** The answer while the database is unreachable: 503 with Retry-After, a problem on the API, a page otherwise. */
    public static void answer(HttpServletRequest request, HttpServletResponse response, boolean api) throws IOException, ServletException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Cache-Control", "no-store");
        if (!(response instanceof CapturingResponse)) {
            retryAfter(response);
        }
        if (api) {
            problem().writeTo(response);
        } else {
            request.getRequestDispatcher(PAGE).forward(request, response);
        }
    }

    static void retryAfter(HttpServletResponse response) {
        response.setHeader("Retry-After", String.valueOf(DatabaseAvailability.RETRY_AFTER_SECONDS));
    }

    /** The API's answer while the database is unreachable. */
    public static Problem problem() {
        return Problem.of(Response.Status.SERVICE_UNAVAILABLE, "unavailable",
                "Soundwave cannot reach its database at the moment and did not carry out this request. "
                        + "Try again in " + DatabaseAvailability.RETRY_AFTER_SECONDS + " seconds.");
    }
}
