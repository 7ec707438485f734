package org.soundwave.account;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A refresh token to exchange for a new pair. A class for the reason given on {@link Registration}. */
public class RefreshRequest {

    @NotBlank(message = "is required")
    @Size(max = 4096, message = "is too long")
    @JsonbProperty("refresh_token")
    private String refreshToken;

    @JsonbProperty("refresh_token")
    public String getRefreshToken() {
        return refreshToken;
    }

    @JsonbProperty("refresh_token")
    public void setRefreshToken(String refreshToken) {
        this.refreshToken = refreshToken;
    }
}
