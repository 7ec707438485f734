package org.soundwave.platform.web;

import jakarta.servlet.http.HttpServletRequest;

/** The client's address: behind our httpd (a loopback peer), the one httpd appended to X-Forwarded-For. */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || !(peer.startsWith("127.") || peer.equals("::1") || peer.equals("0:0:0:0:0:0:0:1"))) {
            return peer;
        }
        // httpd appends the address it saw as the last hop; a header of commas or blanks names nobody.
        String[] hops = forwarded.split(",");
        String last = hops.length == 0 ? "" : hops[hops.length - 1].strip();
        return last.isEmpty() ? peer : last;
    }
}
