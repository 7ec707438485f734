package org.soundwave.blog.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.soundwave.account.Registration;
import org.soundwave.blog.Tag;

/**
 * The blog's clean URLs: /posts/42, /posts/42/edit, /posts/new, /tags/synth, /authors/alice are
 * forwarded to their Facelets views with the path segment as a request parameter. The browser keeps the
 * clean URL; forms on those views post back to it (o:form useRequestURI). It ends the filter chain, so
 * web.xml maps it after every other filter.
 */
@WebFilter(filterName = "blogRoutes") // mapped in web.xml: last, after the filters every request needs
public class BlogRoutes extends HttpFilter {

    private record Route(Pattern path, String view, String parameter) {
    }

    private static final List<Route> ROUTES = List.of(
            new Route(Pattern.compile("/posts/new"), "/post-edit.xhtml", null),
            new Route(Pattern.compile("/posts/([1-9][0-9]{0,17})"), "/post.xhtml", "id"),
            new Route(Pattern.compile("/posts/([1-9][0-9]{0,17})/edit"), "/post-edit.xhtml", "id"),
            new Route(Pattern.compile("/tags/(" + Tag.NAME + ")"), "/posts.xhtml", "tag"),
            new Route(Pattern.compile("/authors/(" + Registration.USERNAME + ")"), "/posts.xhtml", "author"));

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (Route route : ROUTES) {
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
