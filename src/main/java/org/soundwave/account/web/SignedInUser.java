package org.soundwave.account.web;

import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;

/**
 * Who is signed in on this session: kept in the (replicated) session, so any node can carry on. The
 * account id is kept since it was added: a session signed in before reads it as 0 (unknown).
 */
public record SignedInUser(String username, String role, long id) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public static final String SESSION_KEY = "soundwave.signedInUser";

    public SignedInUser {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
    }
}
