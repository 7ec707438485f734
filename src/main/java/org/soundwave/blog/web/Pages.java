package org.soundwave.blog.web;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalInt;
import jakarta.security.enterprise.SecurityContext;
import org.soundwave.blog.BlogService;
import org.soundwave.blog.Caller;

/** Small things the blog's page beans share. */
final class Pages {

    private Pages() {
    }

    /** A positive number from a request parameter; empty if absent; -1 if present but not a positive number. */
    static OptionalInt positive(String value) {
        if (value == null || value.isEmpty()) {
            return OptionalInt.empty();
        }
        if (!value.matches("[1-9][0-9]{0,8}")) {
            return OptionalInt.of(-1);
        }
        return OptionalInt.of(Integer.parseInt(value));
    }

    static String parameter(String name) {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get(name);
    }

    /** Ends the request with the site's "not found" page. */
    static void notFound(String message) {
        sendError(404, message);
    }

    /** Ends the request with the site's page for this error status (see web.xml's error pages). */
    static void sendError(int status, String message) {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            faces.getExternalContext().responseSendError(status, message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
    }

    /** Ends the request with a redirect to a path of this application. */
    static void redirect(String path) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        try {
            external.redirect(external.getRequestContextPath() + path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
    }

    /** The signed-in member's account as the blog needs it; empty for a visitor. */
    static Optional<Caller> caller(SecurityContext security, BlogService blog) {
        if (security.getCallerPrincipal() == null) {
            return Optional.empty();
        }
        return blog.caller(security.getCallerPrincipal().getName(), security.isCallerInRole("admin"));
    }

    /** Sends a visitor to sign in, then back to this page's clean URL. */
    static void signInFirst(String back) {
        redirect("/sign-in?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8));
    }
}
