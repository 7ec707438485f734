package org.soundwave.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;

/** Someone using the pages with their own cookies: a visitor who may sign in on the sign-in page. */
public final class PageVisitor {

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    /** Over HTTP. */
    public PageVisitor() {
        http = HttpClient.newBuilder().cookieHandler(cookies).build();
    }

    /** Over HTTPS too, trusting what {@code tls} trusts (e.g. {@link TestCluster#edgeTls()}). */
    public PageVisitor(SSLContext tls) {
        http = HttpClient.newBuilder().cookieHandler(cookies).sslContext(tls).build();
    }

    /** The Cookie header this visitor sends to the URL: what someone who copied it would replay. */
    public String cookieHeader(String url) {
        return cookies.getCookieStore().get(URI.create(url)).stream()
                .map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
    }

    public HttpResponse<String> get(String url) {
        return Http.get(http, url);
    }

    /** Signs in through the sign-in page at this base URL (the balancer or one node), as a browser would. */
    public void signIn(String baseUrl, String username, String password) {
        String form = get(baseUrl + "/sign-in").body();
        HttpResponse<String> signedIn = post(baseUrl + "/sign-in", Map.of("signin", "signin", "signin:next", "/profile",
                "signin:username", username, "signin:password", password, "signin:submit", "Sign in",
                "jakarta.faces.ViewState", viewState(form)));
        assertEquals(302, signedIn.statusCode(), "sign-in of " + username + ": " + signedIn.body());
    }

    /**
     * A member signed in through the balancer in a session the balancer gave to {@code node}, which httpd
     * then keeps sending them to (a few tries at most: the balancer alternates between the active nodes).
     */
    public static PageVisitor memberServedBy(TestCluster cluster, String node, String username, String password) {
        for (int attempt = 0; attempt < 20; attempt++) {
            PageVisitor member = new PageVisitor();
            member.signIn(cluster.url(""), username, password);
            HttpResponse<String> profile = member.get(cluster.url("/profile"));
            assertTrue(profile.body().contains("<h1>" + username), "profile of " + username);
            if (node.equals(TestCluster.servedBy(profile))) {
                return member;
            }
        }
        throw new AssertionError("no sign-in session landed on " + node + " in 20 tries");
    }

    public HttpResponse<String> post(String url, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return Http.send(http, HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The Faces view state a page's form carries ("stateless" on a transient view). */
    public static String viewState(String page) {
        Matcher m = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"").matcher(page);
        assertTrue(m.find(), "no view state on the page");
        return m.group(1);
    }
}
