package org.soundwave.account;

import jakarta.validation.constraints.Pattern;
import java.io.Serial;
import java.io.Serializable;
import org.soundwave.platform.validation.Text;

/** The parts of an account its owner edits on the profile page. */
public class ProfileUpdate implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    @Text(max = 2000)
    private String bio = "";

    @Pattern(regexp = Registration.PHONE, message = "must be digits, spaces, '+', '-', '(' or ')', at most 32")
    private String phone = "";

    @Text(max = 100)
    private String city = "";

    @Text(max = 300)
    private String address = "";

    public static ProfileUpdate of(AccountView account) {
        ProfileUpdate update = new ProfileUpdate();
        update.bio = account.bio();
        update.phone = account.phone();
        update.city = account.city();
        update.address = account.address();
        return update;
    }

    public String getBio() {
        return bio;
    }

    public void setBio(String bio) {
        this.bio = bio;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = city;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }
}
