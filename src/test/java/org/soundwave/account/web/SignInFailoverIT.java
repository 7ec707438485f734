package org.soundwave.account.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.soundwave.platform.TestCluster.servedBy;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.soundwave.account.ApiClient;
import org.soundwave.platform.TestCluster;

/** Signing in on the page survives kill -9 of the node that holds the session. */
class SignInFailoverIT {

    private final TestCluster cluster = TestCluster.get();
    private final HttpClient visitor = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    @AfterEach
    void heal() {
        cluster.up();
    }

    private HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return visitor.send(HttpRequest.newBuilder(URI.create(cluster.url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String viewState(String page) {
        Matcher m = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"").matcher(page);
        assertTrue(m.find(), "no view state on the page");
        return m.group(1);
    }

    @Test
    void aSignedInMemberStaysSignedInWhenTheirNodeDies() throws Exception {
        String name = "fo" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient.register(cluster, name, "correct horse");

        String form = TestCluster.send(visitor, cluster.url("/sign-in")).body();
        HttpResponse<String> signedIn = post("/sign-in", Map.of("signin", "signin", "signin:next", "/profile",
                "signin:username", name, "signin:password", "correct horse", "signin:submit", "Sign in",
                "jakarta.faces.ViewState", viewState(form)));
        assertEquals(302, signedIn.statusCode(), signedIn.body());

        HttpResponse<String> profile = TestCluster.send(visitor, cluster.url("/profile"));
        assertEquals(200, profile.statusCode());
        assertTrue(profile.body().contains("<h1>" + name), "profile of " + name);
        String home = servedBy(profile);

        cluster.kill(home);

        HttpResponse<String> after = TestCluster.send(visitor, cluster.url("/profile"));
        assertEquals(200, after.statusCode(), "still signed in, not redirected to sign in");
        assertNotEquals(home, servedBy(after));
        assertTrue(after.body().contains("<h1>" + name), "still " + name);
    }
}
