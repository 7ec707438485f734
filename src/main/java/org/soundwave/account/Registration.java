package org.soundwave.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.soundwave.platform.validation.Text;

/**
 * What a newcomer sends to open an account; profile fields are optional. A class, not a record: Payara's
 * OpenAPI scanner fails on constraints that a record also puts on its constructor's parameters.
 */
public class Registration {

    public static final String USERNAME = "[A-Za-z0-9._-]{3,30}";
    public static final String PHONE = "[0-9 +()\\-]{0,32}";

    @NotNull(message = "is required")
    @Pattern(regexp = USERNAME, message = "must be 3-30 letters, digits, '.', '_' or '-'")
    private String username;

    @NotBlank(message = "is required")
    @Email(message = "must be an email address")
    @Size(max = 254, message = "must be at most 254 characters")
    private String email;

    @NotNull(message = "is required")
    @Size(min = 8, max = 128, message = "must be 8-128 characters")
    @Pattern(regexp = Text.NO_NUL, message = "must not contain NUL characters")
    private String password;

    @Text(max = 2000)
    private String bio;

    @Pattern(regexp = PHONE, message = "must be digits, spaces, '+', '-', '(' or ')', at most 32")
    private String phone;

    @Text(max = 100)
    private String city;

    @Text(max = 300)
    private String address;

    public Registration() {
    }

    public Registration(String username, String email, String password, String bio, String phone, String city,
                        String address) {
        this.username = username;
        this.email = email;
        this.password = password;
        this.bio = bio;
        this.phone = phone;
        this.city = city;
        this.address = address;
    }

    static String orEmpty(String value) {
        return value == null ? "" : value.strip();
    }

    public String getUsername() {
        return username;
    }

    public String getEmail() {
        return email;
    }

    public String getPassword() {
        return password;
    }

    public String getBio() {
        return bio;
    }

    public String getPhone() {
        return phone;
    }

    public String getCity() {
        return city;
    }

    public String getAddress() {
        return address;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public void setBio(String bio) {
        this.bio = bio;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public void setCity(String city) {
        this.city = city;
    }

    public void setAddress(String address) {
        this.address = address;
    }
}
