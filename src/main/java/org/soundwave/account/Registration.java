package org.soundwave.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a newcomer sends to open an account. Profile fields are optional. */
public record Registration(
        @NotNull(message = "is required")
        @Pattern(regexp = USERNAME, message = "must be 3-30 letters, digits, '.', '_' or '-'")
        String username,

        @NotBlank(message = "is required")
        @Email(message = "must be an email address")
        @Size(max = 254, message = "must be at most 254 characters")
        String email,

        @NotNull(message = "is required")
        @Size(min = 8, max = 128, message = "must be 8-128 characters")
        String password,

        @Size(max = 2000, message = "must be at most 2000 characters")
        String bio,

        @Pattern(regexp = PHONE, message = "must be digits, spaces, '+', '-', '(' or ')', at most 32")
        String phone,

        @Size(max = 100, message = "must be at most 100 characters")
        String city,

        @Size(max = 300, message = "must be at most 300 characters")
        String address) {

    public static final String USERNAME = "[A-Za-z0-9._-]{3,30}";
    public static final String PHONE = "[0-9 +()\\-]{0,32}";

    static String orEmpty(String value) {
        return value == null ? "" : value.strip();
    }
}
