package org.soundwave.account;

/** What a user may do. The lower-case name is the group a JWT carries and the role pages check. */
public enum Role {
    MEMBER,
    ADMIN;

    public String group() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
