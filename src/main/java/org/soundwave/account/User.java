package org.soundwave.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.soundwave.platform.IdentifiedEntity;

/** A person or integrator with an account. Never leaves the service layer: see {@link AccountView}. */
@Entity
@Table(name = "app_user")
@NamedQuery(name = "User.byUsername", query = "SELECT u FROM User u WHERE LOWER(u.username) = :canonical")
public class User extends IdentifiedEntity {

    @Column(nullable = false, length = 30)
    private String username;

    @Column(nullable = false, length = 254)
    private String email;

    @Column(name = "password_hash", nullable = false, length = 512)
    private String passwordHash;

    @Column(nullable = false, length = 2000)
    private String bio = "";

    @Column(nullable = false, length = 32)
    private String phone = "";

    @Column(nullable = false, length = 100)
    private String city = "";

    @Column(nullable = false, length = 300)
    private String address = "";

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Role role = Role.MEMBER;

    @Column(nullable = false, insertable = false, updatable = false)
    private OffsetDateTime created;

    @Column(name = "token_version", nullable = false)
    private int tokenVersion;

    protected User() {
    }

    /** The account with this username, whatever its letter case (see {@link Usernames}). */
    public static Optional<User> byUsername(EntityManager em, String username) {
        return Usernames.canonical(username).flatMap(canonical -> em.createNamedQuery("User.byUsername", User.class)
                .setParameter("canonical", canonical)
                .getResultStream()
                .findFirst());
    }

    /** Replaces the owner-editable profile fields (already validated), blanks for absent ones. */
    void updateProfile(ProfileUpdate update) {
        this.bio = Registration.orEmpty(update.getBio());
        this.phone = Registration.orEmpty(update.getPhone());
        this.city = Registration.orEmpty(update.getCity());
        this.address = Registration.orEmpty(update.getAddress());
    }

    public String username() {
        return username;
    }

    public String email() {
        return email;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public String bio() {
        return bio;
    }

    public String phone() {
        return phone;
    }

    public String city() {
        return city;
    }

    public String address() {
        return address;
    }

    public Role role() {
        return role;
    }

    public OffsetDateTime created() {
        return created;
    }

    public int tokenVersion() {
        return tokenVersion;
    }
}
