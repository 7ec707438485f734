package org.soundwave.account.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.soundwave.platform.Http;
import org.soundwave.platform.PageVisitor;
import org.soundwave.platform.TestCluster;

/**
 * Ending a member's page session ends it on every node before the answer returns, including a node that
 * served the session before and still holds a copy of it: someone who copied the session's cookies (both,
 * as a browser sends them) gets nothing more from any node after a sign-out or a revocation. And a revoked
 * access token opens no page either.
 */
class SessionsEndEverywhereIT {

    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private static TestCluster cluster;

    @BeforeAll
    static void start() {
        cluster = TestCluster.get();
    }

    private static String newMember() {
        String name = "se" + UUID.randomUUID().toString().substring(0, 8);
        Http.newMember(cluster, name);
        return name;
    }

    /**
     * A GET with exactly these cookies, as a browser (or a thief who copied them) sends them, to any node
     * (each node is a host of its own, so no cookie manager would carry them over); the answer's cookies
     * (a new session version) go back into the jar.
     */
    private static HttpResponse<String> withCookies(String url, Map<String, String> jar) {
        String header = jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
        HttpResponse<String> response = Http.send(Http.client(), HttpRequest.newBuilder(URI.create(url)).header("Cookie", header).GET());
        for (String set : response.headers().allValues("Set-Cookie")) {
            String pair = set.split(";", 2)[0];
            jar.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        return response;
    }

    /** Signs the visitor in on that node's own sign-in page; the session's cookies, as a jar. */
    private static Map<String, String> signInOn(String node, PageVisitor visitor, String name) {
        visitor.signIn(cluster.nodeUrl(node, ""), name, "correct horse");
        Map<String, String> jar = new LinkedHashMap<>();
        for (String pair : visitor.cookieHeader(cluster.nodeUrl(node, "/")).split("; ")) {
            jar.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        assertTrue(jar.containsKey("JSESSIONID") && jar.containsKey("JSESSIONIDVERSION"), "both session cookies: " + jar);
        return jar;
    }

    private static boolean opensProfile(HttpResponse<String> response, String name) {
        return response.statusCode() == 200 && response.body().contains("<h1>" + name);
    }

    @Test
    void signingOutOnOneNodeEndsTheSessionOnANodeThatServedItBefore() {
        String name = newMember();
        PageVisitor member = new PageVisitor();
        Map<String, String> cookies = signInOn("node1", member, name);
        assertTrue(opensProfile(withCookies(cluster.nodeUrl("node2", "/profile"), cookies), name), "node2 serves the session (and keeps a copy)");
        assertTrue(opensProfile(withCookies(cluster.nodeUrl("node1", "/profile"), cookies), name), "and node1");
        Map<String, String> copied = new LinkedHashMap<>(cookies);

        Matcher token = TOKEN.matcher(member.get(cluster.nodeUrl("node1", "/posts")).body());
        assertTrue(token.find(), "the sign-out form carries the session's token");
        assertEquals(302, member.post(cluster.nodeUrl("node1", "/sign-out"), Map.of("_csrf", token.group(1))).statusCode());

        for (String node : new String[] {"node2", "node1", "node2"}) {
            HttpResponse<String> replayed = withCookies(cluster.nodeUrl(node, "/profile"), new LinkedHashMap<>(copied));
            assertFalse(opensProfile(replayed, name), node + " still opened the profile after sign-out");
            assertEquals(302, replayed.statusCode(), node + " sends the copied cookies to sign in");
            assertTrue(replayed.headers().firstValue("Location").orElse("").contains("/sign-in"), replayed.headers().map().toString());
        }
    }

    @Test
    void revokingAMembersAccessEndsEachOfTheirSessionsOnEveryNode() {
        String name = newMember();
        Map<String, String> onNode1 = signInOn("node1", new PageVisitor(), name);
        Map<String, String> onNode2 = signInOn("node2", new PageVisitor(), name);
        assertTrue(opensProfile(withCookies(cluster.nodeUrl("node2", "/profile"), onNode1), name), "node2 holds a copy of the first session too");
        assertTrue(opensProfile(withCookies(cluster.nodeUrl("node1", "/profile"), onNode2), name), "node1 of the second");
        String access = Http.token(cluster, name, "correct horse");

        assertEquals(204, Http.postWithToken(cluster.nodeUrl("node1", "/api/auth/revoke"), access).statusCode());

        for (String node : TestCluster.ACTIVE) {
            assertEquals(302, withCookies(cluster.nodeUrl(node, "/profile"), onNode1).statusCode(), "first session on " + node);
            assertEquals(302, withCookies(cluster.nodeUrl(node, "/profile"), onNode2).statusCode(), "second session on " + node);
        }
    }

    @Test
    void aRevokedAccessTokenOpensNoPage() {
        String name = newMember();
        String access = Http.token(cluster, name, "correct horse");
        assertTrue(opensProfile(Http.get(cluster.nodeUrl("node2", "/profile"), access), name), "a valid token opens the profile");
        assertEquals(200, Http.get(cluster.nodeUrl("node2", "/cart"), access).statusCode(), "and the cart");

        assertEquals(204, Http.postWithToken(cluster.nodeUrl("node1", "/api/auth/revoke"), access).statusCode());

        for (String node : TestCluster.ACTIVE) {
            for (String page : new String[] {"/profile", "/cart", "/orders", "/api/me"}) {
                HttpResponse<String> after = Http.get(cluster.nodeUrl(node, page), access);
                assertEquals(401, after.statusCode(), page + " on " + node + " with the revoked token");
                assertFalse(after.body().contains(name + "@example.com"), "no e-mail address: " + after.body());
                assertTrue(after.headers().firstValue("WWW-Authenticate").orElse("").contains("invalid_token"), after.headers().map().toString());
            }
        }
    }
}
