package org.soundwave.account.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.soundwave.platform.Http;
import org.soundwave.platform.PageVisitor;
import org.soundwave.platform.TestCluster;

/**
 * Forms sent from elsewhere: with a view state that was never the page's (forged, truncated, made up) a
 * readable 400 page, never a 500; from another site's page (as its browser says in Origin or
 * Sec-Fetch-Site), with or without a session, a readable 403 that applied nothing and made no session.
 */
class ForgedFormsIT {

    private static final String EVIL = "https://evil.example";

    /** A form post to the balancer with these extra headers (a browser's), without any cookie. */
    private static HttpResponse<String> postFrom(String path, Map<String, String> form, Map<String, String> headers) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(TestCluster.get().url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return Http.send(Http.client(), request);
    }

    private static void assertRefused(HttpResponse<String> answer, String what) {
        assertEquals(403, answer.statusCode(), what + ": " + answer.body());
        assertTrue(answer.body().contains("not sent from this site"), what + " says why: " + answer.body());
        assertTrue(answer.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("JSESSIONID")),
                what + " made a session: " + answer.headers().allValues("Set-Cookie"));
    }

    @Test
    void anAddToCartFromAnotherSiteWithoutASessionIsRefused() {
        Map<String, String> form = Map.of("cart-form", "cart-form", "cart-form:quantity", "3", "cart-form:add", "Add to cart",
                "jakarta.faces.ViewState", "stateless");
        assertRefused(postFrom("/products/1", form, Map.of("Origin", EVIL)), "Origin " + EVIL);
        assertRefused(postFrom("/products/1", form, Map.of("Sec-Fetch-Site", "cross-site")), "Sec-Fetch-Site cross-site");
        assertRefused(postFrom("/products/1", form, Map.of("Origin", "null")), "an opaque origin");
    }

    @Test
    void aSignInFromAnotherSiteIsRefusedAndOneFromThisSiteIsNot() {
        Map<String, String> form = Map.of("signin", "signin", "signin:username", "nobody", "signin:password", "whatever1",
                "signin:submit", "Sign in", "jakarta.faces.ViewState", "-1:-1");
        assertRefused(postFrom("/sign-in", form, Map.of("Origin", EVIL, "Sec-Fetch-Site", "cross-site")), "a forged sign-in");
        String self = TestCluster.get().url("");
        assertEquals(400, postFrom("/sign-in", form, Map.of("Origin", self, "Sec-Fetch-Site", "same-origin")).statusCode(),
                "from this site it reaches the page (whose view state it then lacks)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1:-1", "abc", "0:0"})
    void aSignInWithAViewStateThatIsNotThePagesIsA400Page(String viewState) {
        TestCluster cluster = TestCluster.get();
        HttpResponse<String> answer = new PageVisitor().post(cluster.url("/sign-in"), Map.of("signin", "signin",
                "signin:username", "nobody", "signin:password", "whatever1", "signin:submit", "Sign in",
                "jakarta.faces.ViewState", viewState));
        assertEquals(400, answer.statusCode(), "view state '" + viewState + "': " + answer.body());
        assertTrue(answer.body().contains("This page has expired"), "a page that says what happened: " + answer.body());
        assertFalse(answer.body().contains("Something went wrong"), answer.body());
    }
}
