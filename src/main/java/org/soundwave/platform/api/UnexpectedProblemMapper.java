package org.soundwave.platform.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.soundwave.platform.web.RequestId;

/**
 * Anything else is our fault: 500 with an incident id the client can quote (the request id, so the
 * node's log line of the request and httpd's access log line carry it too), the stack trace only in the
 * node's log, never in the response.
 */
@Provider
public class UnexpectedProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedProblemMapper.class.getName());

    @Override
    public Response toResponse(Throwable exception) {
        return unexpected(exception);
    }

    static Response unexpected(Throwable exception) {
        String incident = RequestId.current();
        LOG.log(Level.SEVERE, "id=" + incident + " unexpected error", exception);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "unexpected",
                        "Something went wrong on our side (incident " + incident + ").")
                .toResponse();
    }
}
