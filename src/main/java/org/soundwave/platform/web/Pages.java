package org.soundwave.platform.web;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;

/** Small things the page beans (Faces) share: parameters, error pages, redirects. */
public final class Pages {

    private Pages() {
    }

    /** A positive number from a request parameter; empty if absent; -1 if present but not a positive number. */
    public static OptionalInt positive(String value) {
        if (value == null || value.isEmpty()) {
            return OptionalInt.empty();
        }
        if (!value.matches("[1-9][0-9]{0,8}")) {
            return OptionalInt.of(-1);
        }
        return OptionalInt.of(Integer.parseInt(value));
    }

    /**
     * A text as a page's meta description: whitespace collapsed, cut at a word boundary to at most
     * {@code max} characters with an ellipsis; "" for none.
     */
    public static String summary(String text, int max) {
        if (text == null) {
            return "";
        }
        // Whitespace runs collapsed, reading no further than one character past max: a post may hold 20,000
        // characters, and this runs on every rendering of its page (a profile showed the whole-text regex).
        StringBuilder plain = new StringBuilder(max + 1);
        boolean space = false;
        for (int i = 0; i < text.length() && plain.length() <= max; i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                space = plain.length() > 0;
            } else {
                if (space) {
                    plain.append(' ');
                    space = false;
                }
                plain.append(c);
            }
        }
        if (plain.length() <= max) {
            return plain.toString();
        }
        int cut = plain.lastIndexOf(" ", max - 1);
        return plain.substring(0, cut > max / 2 ? cut : max - 1).stripTrailing() + "…";
    }

    public static String parameter(String name) {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get(name);
    }

    /** Ends the request with the site's "not found" page. */
    public static void notFound(String message) {
        sendError(404, message);
    }

    /** Ends the request with the site's page for this error status (see web.xml's error pages). */
    public static void sendError(int status, String message) {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            faces.getExternalContext().responseSendError(status, message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
    }

    /** Ends the request with a redirect to a path of this application. */
    public static void redirect(String path) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        try {
            external.redirect(external.getRequestContextPath() + path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
    }

    /** Sends a visitor to sign in, then back to this page's clean URL. */
    public static void signInFirst(String back) {
        redirect("/sign-in?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8));
    }
}
