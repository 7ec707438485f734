package org.soundwave.account.web;

import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;

/**
 * Who is signed in on this session: kept in the (replicated) session, so any node can carry on. The
 * sign-in id names the session's entry in {@link org.soundwave.account.SignIns}, which every request checks:
 * a session stored before it was kept reads it as null, and is signed out.
 */
public record SignedInUser(String username, String role, long id, String signInId) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public static final String SESSION_KEY = "soundwave.signedInUser";

    public SignedInUser {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
    }
}
