package org.soundwave.platform;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tests' one HTTP client: GET, JSON requests with an optional bearer token, reading JSON answers, and
 * the account steps most tests start with (register, sign in for a token). A request that cannot be sent
 * fails the test with its address; a 30 s timeout. Page visitors with cookies of their own use
 * {@link PageVisitor}, which sends through {@link #send(HttpClient, HttpRequest.Builder)} too.
 */
public final class Http {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The shared client: no cookies, no redirects followed. */
    public static HttpClient client() {
        return HTTP;
    }

    private Http() {
    }

    /** GET, no credentials. */
    public static HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    /** GET with this client (a visitor's, keeping its cookies). */
    public static HttpResponse<String> get(HttpClient client, String url) {
        return send(client, HttpRequest.newBuilder(URI.create(url)).GET());
    }

    /** Sends the request with this client (its cookies, if it keeps any), timing out after 30 s. */
    public static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
        HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
        try {
            return client.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(built.method() + " " + built.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public static JsonObject json(HttpResponse<String> response) {
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    public static HttpResponse<String> send(String method, String url, String token, String json) {
        return sendWithHeaders(method, url, token, json, Map.of());
    }

    /** {@link #send} with more request headers (an Idempotency-Key, say). */
    public static HttpResponse<String> sendWithHeaders(String method, String url, String token, String json, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        return send(request);
    }

    /** An access token for an account (a dataset user's password is "password"). */
    public static String token(TestCluster cluster, String username, String password) {
        HttpResponse<String> tokens = send("POST", cluster.url("/api/auth/token"), null,
                Json.createObjectBuilder().add("username", username).add("password", password).build().toString());
        if (tokens.statusCode() != 200) {
            throw new AssertionError("sign-in of " + username + " failed: " + tokens.body());
        }
        return json(tokens).getString("access_token");
    }

    /**
     * The administrator's access token for this cluster, signed in once and reused for {@link #ADMIN_TOKEN_REUSE}
     * (access tokens live 15 minutes; no test revokes the administrator's, and a seed of the
     * dataset, which does, forgets it: {@link #forgetAdminToken}): a sign-in costs a PBKDF2 hash of
     * about a second on the test nodes, and the cache tests reset every level after each test.
     */
    public static synchronized String adminToken(TestCluster cluster) {
        java.nio.file.Path password = cluster.secret("admin-password");
        AdminToken held = ADMIN_TOKENS.get(password.toString());
        if (held == null || held.signedIn().plus(ADMIN_TOKEN_REUSE).isBefore(Instant.now())) {
            try {
                held = new AdminToken(token(cluster, "admin", java.nio.file.Files.readString(password).trim()), Instant.now());
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
            ADMIN_TOKENS.put(password.toString(), held);
        }
        return held.token();
    }

    /** After something revoked the administrator's tokens (bin/cluster seed does): the next call signs in again. */
    public static synchronized void forgetAdminToken(TestCluster cluster) {
        ADMIN_TOKENS.remove(cluster.secret("admin-password").toString());
    }

    private static final Duration ADMIN_TOKEN_REUSE = Duration.ofMinutes(5);
    private static final Map<String, AdminToken> ADMIN_TOKENS = new HashMap<>();

    private record AdminToken(String token, Instant signedIn) {
    }

    /** Opens a new member account through the API and returns its access token. */
    public static String newMember(TestCluster cluster, String username) {
        HttpResponse<String> registered = send("POST", cluster.url("/api/auth/register"), null, Json.createObjectBuilder()
                .add("username", username).add("email", username + "@example.com").add("password", "correct horse").build().toString());
        if (registered.statusCode() != 201) {
            throw new AssertionError("registration failed: " + registered.body());
        }
        return token(cluster, username, "correct horse");
    }

    /** A checkout through the balancer of one unit of a product, with an Idempotency-Key of its own. */
    public static HttpResponse<String> checkout(TestCluster cluster, String token, long product) {
        String body = Json.createObjectBuilder().add("items", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("productId", product).add("quantity", 1))).build().toString();
        return sendWithHeaders("POST", cluster.url("/api/orders"), token, body, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

    public static HttpResponse<String> post(String url, String json) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public static HttpResponse<String> postWithToken(String url, String token) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    public static HttpResponse<String> get(String url, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        return send(HTTP, request);
    }

    /** A string field of a flat JSON object. */
    public static String field(String json, String name) {
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
    public static String memberTokens(TestCluster cluster, String username) {
        register(cluster, username, "correct horse");
        HttpResponse<String> tokens = post(cluster.url("/api/auth/token"),
                "{\"username\":\"" + username + "\",\"password\":\"correct horse\"}");
        if (tokens.statusCode() != 200) {
            throw new AssertionError("sign-in failed: " + tokens.body());
        }
        return tokens.body();
    }
}
