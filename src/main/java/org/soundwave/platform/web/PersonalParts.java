package org.soundwave.platform.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;

/**
 * What the pages' {@code <sw:personal when="...">} sections ask (WEB-INF/tags/personal.xhtml): whether a
 * section shows to this reader, and the member's name. Normally a section shows only to its readers (see
 * {@link PageTemplate#shows}). In template mode, which the page cache turns on for the anonymous renderings
 * it stores ({@link #TEMPLATE}), every section renders between markers and the name is a placeholder, so
 * that the stored page serves visitors and members alike ({@link PageTemplate}).
 */
@Named("personal")
@RequestScoped
public class PersonalParts {

    /** The request attribute that turns template mode on for a rendering. */
    public static final String TEMPLATE = "soundwave.page-template";

    @Inject
    HttpServletRequest request;

    /** Whether this request renders a page template for the page cache. */
    public static boolean template(HttpServletRequest request) {
        return request.getAttribute(TEMPLATE) != null;
    }

    public boolean isTemplate() {
        return template(request);
    }

    /** The marker opening a section, in template mode; otherwise nothing. */
    public String open(String when, String owner) {
        return isTemplate() ? PageTemplate.open(when, owner) : "";
    }

    /** The marker closing a section, in template mode; otherwise nothing. */
    public String close() {
        return isTemplate() ? PageTemplate.close() : "";
    }

    /** Whether a section renders: always in template mode, else when it is for this reader. */
    public boolean shows(String when, String owner) {
        return isTemplate() || PageTemplate.shows(PageTemplate.When.of(when), owner, viewer(request));
    }

    /** The signed-in member's name (a placeholder in template mode), or "" for a visitor. */
    public String getName() {
        if (isTemplate()) {
            return PageTemplate.namePlaceholder();
        }
        Principal principal = request.getUserPrincipal();
        return principal == null ? "" : principal.getName();
    }

    /** The reader of this request as a template fills it in (null: a visitor); the token is left out. */
    static PageTemplate.Viewer viewer(HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        return principal == null ? null : new PageTemplate.Viewer(principal.getName(), request.isUserInRole("admin"), "");
    }
}
