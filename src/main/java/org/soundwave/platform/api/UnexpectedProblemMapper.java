package org.soundwave.platform.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.soundwave.platform.DatabaseAvailability;
import org.soundwave.platform.web.DatabaseOutageFilter;
import org.soundwave.platform.web.RequestId;

/**
 * The database being unreachable is not a fault of the request: 503 with {@code Retry-After} (see
 * platform/DatabaseAvailability). Anything else is our fault: 500 with an incident id the client can quote (the request id, so the
 * node's log line of the request and httpd's access log line carry it too), the stack trace only in the
 * node's log, never in the response.
 */
@Provider
public class UnexpectedProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedProblemMapper.class.getName());

    @Inject
    DatabaseAvailability database;

    @Override
    public Response toResponse(Throwable exception) {
        if (database.failed(exception)) {
            return unavailable();
        }
        return unexpected(exception);
    }

    static Response unavailable() {
        Response response = DatabaseOutageFilter.problem().toResponse();
        response.getHeaders().add("Retry-After", DatabaseAvailability.RETRY_AFTER_SECONDS);
        response.getHeaders().add("Cache-Control", "no-store");
        return response;
    }

    static Response unexpected(Throwable exception) {
        String incident = RequestId.current();
        LOG.log(Level.SEVERE, "id=" + incident + " unexpected error", exception);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "unexpected",
                        "Something went wrong on our side (incident " + incident + ").")
                .toResponse();
    }
}
