package org.soundwave.account;

import java.io.Serial;
import java.io.Serializable;
import java.time.OffsetDateTime;

/** An account as the API and pages show it to its owner (never the password hash or token version). */
public record AccountView(long id, String username, String email, String role, String bio, String phone,
                          String city, String address, OffsetDateTime created) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    static AccountView of(User user) {
        return new AccountView(user.id(), user.username(), user.email(), user.role().group(), user.bio(),
                user.phone(), user.city(), user.address(), user.created());
    }
}
