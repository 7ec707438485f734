package org.soundwave.account.web;

import jakarta.servlet.http.HttpSession;

/**
 * A visitor has just signed in on the pages (fired synchronously by the authentication mechanism, in the
 * sign-in request): whatever the visitor's session held, e.g. a cart, can now move to the member.
 */
public record SignedIn(String username, long memberId, HttpSession session) {
}
