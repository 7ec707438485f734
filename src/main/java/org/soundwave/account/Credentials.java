package org.soundwave.account;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A username and password, as sent to sign in. A class for the reason given on {@link Registration}. */
public class Credentials {

    @NotNull(message = "is required")
    @Size(max = 254, message = "is too long")
    @Pattern(regexp = Registration.NO_NUL, message = "must not contain NUL characters")
    private String username;

    @NotNull(message = "is required")
    @Size(max = 128, message = "is too long")
    @Pattern(regexp = Registration.NO_NUL, message = "must not contain NUL characters")
    private String password;

    public Credentials() {
    }

    public Credentials(String username, String password) {
        this.username = username;
        this.password = password;
    }

    public String getUsername() {
        return username;
    }

    public String getPassword() {
        return password;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
