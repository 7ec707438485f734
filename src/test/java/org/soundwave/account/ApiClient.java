package org.soundwave.account;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.soundwave.platform.TestCluster;

/** A tiny JSON client for the API tests: POST/GET with an optional bearer token. */
public final class ApiClient {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ApiClient() {
    }

    public static HttpResponse<String> post(String url, String json) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    static HttpResponse<String> postWithToken(String url, String token) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    static HttpResponse<String> get(String url, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** A string field of a flat JSON object. */
    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new AssertionError("no " + name + " in " + json);
        }
        return m.group(1);
    }

    /** Opens a member account through the API. */
    public static void register(TestCluster cluster, String username, String password) {
        HttpResponse<String> registered = post(cluster.url("/api/auth/register"), "{\"username\":\"" + username
                + "\",\"email\":\"" + username + "@example.com\",\"password\":\"" + password + "\"}");
        if (registered.statusCode() != 201) {
            throw new AssertionError("registration failed: " + registered.body());
        }
    }

    /** Registers a member and signs in; returns the token response body. */
    static String memberTokens(TestCluster cluster, String username) {
        register(cluster, username, "correct horse");
        HttpResponse<String> tokens = post(cluster.url("/api/auth/token"),
                "{\"username\":\"" + username + "\",\"password\":\"correct horse\"}");
        if (tokens.statusCode() != 200) {
            throw new AssertionError("sign-in failed: " + tokens.body());
        }
        return tokens.body();
    }
}
