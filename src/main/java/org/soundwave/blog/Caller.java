package org.soundwave.blog;

/** Who asks for a change: a signed-in account, and whether it administers the site. */
public record Caller(long userId, boolean admin) {
}
