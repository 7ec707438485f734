package org.soundwave.platform.web;

import jakarta.faces.application.ViewExpiredException;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import org.soundwave.platform.DatabaseAvailability;
import org.soundwave.platform.api.Problem;

/**
 * Where the container sends every error it answers itself (web.xml error pages): for the API a
 * problem+json body with the same status (e.g. MicroProfile JWT refusing a token before JAX-RS runs),
 * for pages the readable Faces page. Never a server error report or stack trace.
 */
@WebServlet(name = "errorPages", urlPatterns = "/error-page")
public class ErrorPages extends HttpServlet {

    public static final String UNAUTHORIZED_DETAIL = "Send a valid access token: Authorization: Bearer <token>.";
    public static final String FORBIDDEN_DETAIL = "Your account may not do this.";

    /** A request attribute with what an error page should say instead of its status's usual text. */
    public static final String DETAIL = "soundwave.error.detail";

    @Inject
    DatabaseAvailability database;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        Object code = request.getAttribute("jakarta.servlet.error.status_code");
        int status = code instanceof Integer i ? i : 500;
        String uri = String.valueOf(request.getAttribute("jakarta.servlet.error.request_uri"));
        if (response.isCommitted()) {
            // Already answered: an error inside a forwarded request (BlogRoutes) gets its page when the
            // forward ends; the container then asks again, too late to write anything.
            return;
        }
        if (causedBy(request.getAttribute("jakarta.servlet.error.exception"), ViewExpiredException.class)) {
            // A form whose view cannot be restored: expired, or a view state that was never ours (forged,
            // truncated). The container reports it wrapped in a ServletException, so it lands here.
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            request.getRequestDispatcher("/expired.xhtml").forward(request, response);
            return;
        }
        if (request.getAttribute("jakarta.servlet.error.exception") instanceof Throwable failure && database.failed(failure)) {
            // The database went away under this request (e.g. while signing in, before any filter ran).
            DatabaseOutageFilter.answer(request, response, uri.startsWith(request.getContextPath() + "/api/"));
            return;
        }
        if (uri.startsWith(request.getContextPath() + "/api/")) {
            writeProblem(response, status);
        } else {
            request.getRequestDispatcher(status == 404 ? "/not-found.xhtml" : "/error.xhtml").forward(request, response);
        }
    }

    private static boolean causedBy(Object failure, Class<? extends Throwable> type) {
        for (Throwable t = failure instanceof Throwable thrown ? thrown : null; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static void writeProblem(HttpServletResponse response, int status) throws IOException {
        Response.StatusType type = Response.Status.fromStatusCode(status);
        if (type == null) {
            type = Response.Status.INTERNAL_SERVER_ERROR;
        }
        String detail = switch (status) {
            case 401 -> UNAUTHORIZED_DETAIL;
            case 403 -> FORBIDDEN_DETAIL;
            case 404 -> "There is nothing at this address.";
            default -> status >= 500 ? "Something went wrong on our side." : "The request cannot be processed.";
        };
        Problem.of(type, status == 401 ? "unauthorized" : "http-" + status, detail).writeTo(response);
    }
}
