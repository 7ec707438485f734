package org.soundwave.account;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A username and password, as sent to sign in. */
public record Credentials(
        @NotNull(message = "is required") @Size(max = 254, message = "is too long") String username,
        @NotNull(message = "is required") @Size(max = 128, message = "is too long") String password) {
}
