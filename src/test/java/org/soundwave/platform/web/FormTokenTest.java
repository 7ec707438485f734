package org.soundwave.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.soundwave.platform.web.ServletFakes.fake;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The anti-forgery token of stateless forms: one random token per session, a post must carry it. */
class FormTokenTest {

    /** A session that only keeps attributes. */
    private static HttpSession session(Map<String, Object> attributes) {
        return fake(HttpSession.class, Map.of(
                "getAttribute", args -> attributes.get((String) args[0]),
                "setAttribute", args -> attributes.put((String) args[0], args[1])));
    }

    /** A post with this session (or none) and this _csrf parameter (or none). */
    private static HttpServletRequest post(HttpSession session, String token) {
        return fake(HttpServletRequest.class, Map.of(
                "getSession", args -> {
                    if (args.length != 1 || !Boolean.FALSE.equals(args[0])) {
                        throw new AssertionError("checking a post must never create a session");
                    }
                    return session;
                },
                "getParameter", args -> FormToken.PARAMETER.equals(args[0]) ? token : null));
    }

    @Test
    void aSessionGetsOneUnguessableTokenThatStaysTheSame() {
        Map<String, Object> attributes = new HashMap<>();
        HttpSession session = session(attributes);
        String token = FormToken.of(session);
        assertTrue(token.matches("[A-Za-z0-9_-]{43}"), token);   // 32 random bytes, base64url
        assertEquals(token, FormToken.of(session));
        assertEquals(Map.of(FormToken.SESSION_KEY, token), attributes);
    }

    @Test
    void eachSessionGetsItsOwnToken() {
        assertNotEquals(FormToken.of(session(new HashMap<>())), FormToken.of(session(new HashMap<>())));
    }

    @Test
    void aPostWithoutASessionIsAccepted() {
        assertTrue(FormToken.accepted(post(null, null)));
    }

    @Test
    void aPostCarryingItsSessionsTokenIsAccepted() {
        HttpSession session = session(new HashMap<>());
        assertTrue(FormToken.accepted(post(session, FormToken.of(session))));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullSource
    @ValueSource(strings = {"", "x", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})
    void aPostWithAMissingOrWrongTokenIsRefused(String sent) {
        HttpSession session = session(new HashMap<>());
        FormToken.of(session);
        assertFalse(FormToken.accepted(post(session, sent)));
    }

    @Test
    void aPostWithAnAlteredTokenIsRefused() {
        HttpSession session = session(new HashMap<>());
        String token = FormToken.of(session);
        assertFalse(FormToken.accepted(post(session, token + "x")));
        assertFalse(FormToken.accepted(post(session, token.substring(1))));
        assertFalse(FormToken.accepted(post(session, token.toLowerCase().equals(token) ? token.toUpperCase() : token.toLowerCase())));
    }

    @Test
    void aSessionThatNeverShowedAFormRefusesEveryPost() {
        HttpSession session = session(new HashMap<>());
        assertFalse(FormToken.accepted(post(session, null)));
        assertFalse(FormToken.accepted(post(session, "anything")));
        assertFalse(FormToken.accepted(post(session, "")));
    }
}
