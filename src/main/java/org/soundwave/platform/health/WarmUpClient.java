package org.soundwave.platform.health;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.soundwave.account.Credentials;

/**
 * This node's own HTTP listener as the warm-up pass ({@link WarmUp}) uses it: every request marked with
 * the pass's token ({@link WarmUp#HEADER}), and the sessions its workers browse with (a visitor's, or its
 * member's signed in on the sign-in page), passed as their cookies ("JSESSIONID=...; JSESSIONIDVERSION=...").
 * A request that gets no answer is an empty result.
 */
final class WarmUpClient {

    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final String url;
    private final String token;

    WarmUpClient(String url, String token) {
        this.url = url;
        this.token = token;
    }

    /** A request to the listener, marked as warm-up, with the session's cookies if any (null: none). */
    HttpRequest.Builder request(String path, String session) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).header(WarmUp.HEADER, token)
                .timeout(Duration.ofSeconds(10));
        if (session != null) {
            request.header("Cookie", session);
        }
        return request;
    }

    Optional<HttpResponse<String>> get(String path, String session) {
        return send(request(path, session).GET());
    }

    /** The answer, or empty if the node did not give one. */
    Optional<HttpResponse<String>> send(HttpRequest.Builder request) {
        try {
            return Optional.of(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A new visitor's session, opened by the visit page; null if none. */
    String visitorSession() {
        String session = get("/visit", null).map(WarmUpClient::sessionCookies).orElse("");
        return session.isEmpty() ? null : session;
    }

    /** The member's session, signed in on the sign-in page as a member does; empty if signing in failed. */
    Optional<String> signIn(Credentials member) {
        Optional<HttpResponse<String>> form = get("/sign-in", null);
        Matcher viewState = form.map(f -> VIEW_STATE.matcher(f.body())).filter(Matcher::find).orElse(null);
        String cookies = form.map(WarmUpClient::sessionCookies).orElse("");
        if (viewState == null || cookies.isEmpty()) {
            return Optional.empty();
        }
        String body = "signin=signin&signin%3Ausername=" + encode(member.getUsername()) + "&signin%3Apassword="
                + encode(member.getPassword()) + "&signin%3Asubmit=Sign+in&jakarta.faces.ViewState=" + encode(viewState.group(1));
        Optional<HttpResponse<String>> signedIn = send(request("/sign-in", cookies)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
        if (signedIn.map(HttpResponse::statusCode).orElse(0) != 302) {
            return Optional.empty();
        }
        String renewed = sessionCookies(signedIn.get());   // a new session id at sign-in
        return Optional.of(renewed.isEmpty() ? cookies : renewed);
    }

    /**
     * Signs the session out with the form token a page of it carries (a product page's cart form), so it
     * does not linger in the grid. If this fails, the session expires with the session timeout instead.
     */
    void signOut(String session, String pageWithForm) {
        get(pageWithForm, session)
                .map(page -> FORM_TOKEN.matcher(page.body()))
                .filter(Matcher::find)
                .ifPresent(found -> send(request("/sign-out", session).header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + found.group(1)))));
    }

    /** The session cookies a response sets, or "". */
    private static String sessionCookies(HttpResponse<String> response) {
        return String.join("; ", response.headers().allValues("Set-Cookie").stream()
                .map(c -> c.split(";", 2)[0]).filter(c -> c.startsWith("JSESSIONID")).toList());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
