package org.soundwave.account;

import jakarta.validation.constraints.NotNull;
import org.soundwave.platform.validation.Text;

/** A username and password, as sent to sign in. A class for the reason given on {@link Registration}. */
public class Credentials {

    @NotNull(message = "is required")
    @Text(max = 254)
    private String username;

    @NotNull(message = "is required")
    @Text(max = 128)
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
