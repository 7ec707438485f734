package org.soundwave.platform.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The client's address: behind our httpd, the one httpd appended to X-Forwarded-For. httpd is the peer on
 * loopback, or at the balancer's address bin/cluster gives every node (SOUNDWAVE_BALANCER_ADDRESS) when it
 * runs on a host of its own.
 */
public final class ClientAddress {

    private static final String BALANCER = balancerAddress(System.getenv("SOUNDWAVE_BALANCER_ADDRESS"));

    private ClientAddress() {
    }

    public static String of(HttpServletRequest request) {
        return of(request, BALANCER);
    }

    /** The client's address when httpd's own is {@code balancer} (besides loopback; null: loopback only). */
    static String of(HttpServletRequest request, String balancer) {
        String peer = request.getRemoteAddr();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || !(isLoopback(peer) || peer.equals(balancer))) {
            return peer;
        }
        // httpd appends the address it saw as the last hop; a header of commas or blanks names nobody.
        String[] hops = forwarded.split(",");
        String last = hops.length == 0 ? "" : hops[hops.length - 1].strip();
        return last.isEmpty() ? peer : last;
    }

    static String balancerAddress(String setting) {
        return setting == null || setting.isBlank() ? null : setting.strip();
    }

    private static boolean isLoopback(String peer) {
        return peer.startsWith("127.") || peer.equals("::1") || peer.equals("0:0:0:0:0:0:0:1");
    }
}
