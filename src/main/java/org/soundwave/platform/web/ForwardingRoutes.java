package org.soundwave.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Clean URLs for Facelets views: a request whose path matches a route is forwarded to its view, the
 * path's captured segment passed as a request parameter; the browser keeps the clean URL. It ends the
 * filter chain for those requests, so web.xml maps such filters after every other filter.
 */
public abstract class ForwardingRoutes extends HttpFilter {

    /** A path pattern (group 1, if any, captured), its view, and the parameter that carries group 1. */
    public record Route(Pattern path, String view, String parameter) {
    }

    protected abstract List<Route> routes();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (Route route : routes()) {
            Matcher m = route.path().matcher(path);
            if (m.matches()) {
                String target = route.parameter() == null ? route.view() : route.view() + "?" + route.parameter() + "=" + m.group(1);
                request.getRequestDispatcher(target).forward(request, response);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
