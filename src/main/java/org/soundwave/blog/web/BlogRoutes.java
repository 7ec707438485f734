package org.soundwave.blog.web;

import jakarta.servlet.annotation.WebFilter;
import java.util.List;
import java.util.regex.Pattern;
import org.soundwave.account.Registration;
import org.soundwave.blog.Tag;
import org.soundwave.platform.web.ForwardingRoutes;

/**
 * The blog's clean URLs: /posts/42, /posts/42/edit, /posts/new, /tags/synth, /authors/alice are
 * forwarded to their Facelets views with the path segment as a request parameter. The browser keeps the
 * clean URL; forms on those views post back to it (o:form useRequestURI). It ends the filter chain, so
 * web.xml maps it after every other filter.
 */
@WebFilter(filterName = "blogRoutes") // mapped in web.xml: last, after the filters every request needs
public class BlogRoutes extends ForwardingRoutes {

    private static final List<Route> ROUTES = List.of(
            new Route(Pattern.compile("/posts/new"), "/post-edit.xhtml", null),
            new Route(Pattern.compile("/posts/([1-9][0-9]{0,17})"), "/post.xhtml", "id"),
            new Route(Pattern.compile("/posts/([1-9][0-9]{0,17})/edit"), "/post-edit.xhtml", "id"),
            new Route(Pattern.compile("/tags/(" + Tag.NAME + ")"), "/posts.xhtml", "tag"),
            new Route(Pattern.compile("/authors/(" + Registration.USERNAME + ")"), "/posts.xhtml", "author"));

    @Override
    protected List<Route> routes() {
        return ROUTES;
    }
}
