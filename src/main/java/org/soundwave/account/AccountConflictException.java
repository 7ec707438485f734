package org.soundwave.account;

/** The username or email is already taken (by any letter case). */
public class AccountConflictException extends RuntimeException {

    private final String field;

    public AccountConflictException(String field) {
        super("This " + field + " is already taken.");
        this.field = field;
    }

    public String field() {
        return field;
    }
}
