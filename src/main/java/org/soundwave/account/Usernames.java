package org.soundwave.account;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A username's one canonical form, for looking an account up, for uniqueness and for the sign-in
 * throttle alike. Usernames are ASCII ({@link Registration#USERNAME}, which the database checks too) and
 * equal whatever their letter case, so the canonical form is the ASCII lower case. Anything else names no
 * account: no Unicode case mapping can make two spellings of one name count as two accounts.
 */
public final class Usernames {

    private static final Pattern VALID = Pattern.compile(Registration.USERNAME);

    private Usernames() {
    }

    /** The canonical form of a username, or empty if no account can have it. */
    public static Optional<String> canonical(String username) {
        return username != null && VALID.matcher(username).matches()
                ? Optional.of(username.toLowerCase(Locale.ROOT))
                : Optional.empty();
    }
}
