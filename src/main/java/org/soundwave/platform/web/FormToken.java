package org.soundwave.platform.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The anti-forgery token of a session's forms, for forms that have no server-side view state: the
 * stateless views' Faces forms ({@link StatelessFormCheck}) and the sign-out form ({@code /sign-out}).
 * Stateless views are what let a member's page views write nothing into the replicated session; the token
 * gives their forms back what view state gave stateful ones: a post from another site, which cannot read
 * the token, is refused. One random token per session, set once (at sign-in, or the first time a session
 * holder's page shows a form), so viewing pages never writes the session.
 * <p>Pages put it in each such form as {@code <input type="hidden" name="_csrf" value="#{formToken.value}"/>}.
 * A visitor without a session gets an empty value and no session: their pages stay shareable, and a post
 * without a session has nothing to protect.
 */
@Named
@RequestScoped
public class FormToken {

    /** The form field that carries the token. */
    public static final String PARAMETER = "_csrf";

    static final String SESSION_KEY = "soundwave.form-token";

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    HttpServletRequest request;

    /**
     * This session's token (created now if it has none), or "" for a caller without a session; in a page
     * template for the page cache, the placeholder a member's fill replaces (see {@link PageTemplate}).
     */
    public String getValue() {
        if (PersonalParts.template(request)) {
            return PageTemplate.tokenPlaceholder();
        }
        HttpSession session = request.getSession(false);
        return session == null ? "" : of(session);
    }

    /** The session's token if it has one yet, without creating it. */
    static Optional<String> existing(HttpSession session) {
        return session.getAttribute(SESSION_KEY) instanceof String token ? Optional.of(token) : Optional.empty();
    }

    /** The session's token, created and stored on first use. */
    public static String of(HttpSession session) {
        if (session.getAttribute(SESSION_KEY) instanceof String token) {
            return token;
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        session.setAttribute(SESSION_KEY, token);
        return token;
    }

    /** Whether a post by this request's caller carries its session's token (always true without a session). */
    public static boolean accepted(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return true;
        }
        Object expected = session.getAttribute(SESSION_KEY);
        String sent = request.getParameter(PARAMETER);
        return expected instanceof String token && sent != null
                && MessageDigest.isEqual(token.getBytes(StandardCharsets.US_ASCII), sent.getBytes(StandardCharsets.US_ASCII));
    }
}
