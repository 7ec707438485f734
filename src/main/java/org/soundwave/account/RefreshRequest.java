package org.soundwave.account;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A refresh token to exchange for a new pair. */
public record RefreshRequest(
        @JsonbProperty("refresh_token") @NotBlank(message = "is required") @Size(max = 4096, message = "is too long")
        String refreshToken) {
}
