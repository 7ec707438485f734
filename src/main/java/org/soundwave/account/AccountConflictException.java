package org.soundwave.account;

import java.util.Map;
import org.soundwave.platform.DomainException;

/** The username or email is already taken (by any letter case). */
public class AccountConflictException extends DomainException {

    private final String field;

    public AccountConflictException(String field) {
        super(409, "account-exists", "This " + field + " is already taken.");
        this.field = field;
    }

    public String field() {
        return field;
    }

    @Override
    public Map<String, String> fieldErrors() {
        return Map.of(field, "is already taken");
    }
}
