package org.soundwave.platform.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.soundwave.platform.NodeIdentity;

/** Names the node on every response of the application, so clients and tests see where they landed. */
@WebFilter(filterName = "servedBy", asyncSupported = true) // mapped in web.xml (filter order)
public class ServedByFilter extends HttpFilter {

    public static final String HEADER = "X-Served-By";

    @Inject
    NodeIdentity node;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader(HEADER, node.name());
        chain.doFilter(request, response);
    }
}
