package org.soundwave.account;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** The answer to a sign-in or refresh on the API (OAuth 2.0 token response field names). */
@JsonbPropertyOrder({"accessToken", "refreshToken", "tokenType", "expiresIn"})
public record TokenPair(
        @JsonbProperty("access_token") String accessToken,
        @JsonbProperty("refresh_token") String refreshToken,
        @JsonbProperty("token_type") String tokenType,
        @JsonbProperty("expires_in") long expiresIn) {
}
