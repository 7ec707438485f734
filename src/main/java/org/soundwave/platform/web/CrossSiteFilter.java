package org.soundwave.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Set;

/**
 * Refuses a form sent to the pages from another site, with or without a session (a forged sign-in, an
 * add-to-cart that would replace a victim's session cookie): a browser says where a post comes from in
 * {@code Sec-Fetch-Site} and {@code Origin}, and anything but this site gets a readable 403 before any page
 * code runs. Forms of pages with a session also carry its {@link FormToken} (or Faces view state); a post
 * that names no origin at all (not a browser) is left to those checks. The API is not a form target: it
 * takes JSON with a bearer token, which another site's page cannot send without CORS, which it does not
 * grant.
 */
@WebFilter(filterName = "crossSite", asyncSupported = true) // mapped in web.xml (filter order)
public class CrossSiteFilter extends HttpFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    static final String REFUSED = "This form was not sent from this site's page, so it was not applied. "
            + "If you did send it, open the page on this site and send it again.";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (SAFE.contains(request.getMethod()) || request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                || sameSite(request)) {
            chain.doFilter(request, response);
            return;
        }
        request.setAttribute(ErrorPages.DETAIL, REFUSED);
        response.sendError(HttpServletResponse.SC_FORBIDDEN, REFUSED);
    }

    /** Whether the browser says this request comes from this site's own pages (or says nothing). Package-private for tests. */
    static boolean sameSite(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null) {
            return fetchSite.equals("same-origin") || fetchSite.equals("none");
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return true;
        }
        String host = request.getHeader("Host");
        try {
            URI uri = URI.create(origin);
            return host != null && uri.getRawAuthority() != null && uri.getRawAuthority().equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;   // "null" (a sandboxed or privacy-redirected page) and anything malformed
        }
    }
}
