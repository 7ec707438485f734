package org.soundwave.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.soundwave.platform.TestCluster;

/** Every auth endpoint answers hostile bodies with the right 4xx problem, never a 500. */
class HostileInputIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        TestCluster cluster = TestCluster.get();
        return HTTP.send(HttpRequest.newBuilder(URI.create(cluster.url(path))).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> response, int status, String what) {
        assertEquals(status, response.statusCode(), what + ": " + response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), what);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/auth/register", "/api/auth/token", "/api/auth/refresh"})
    void malformedWronglyTypedOversizedAndEmptyBodies(String path) throws Exception {
        assertProblem(post(path, "application/json", "{\"username\": "), 400, "truncated JSON");
        assertProblem(post(path, "application/json", "[1,2,3]"), 400, "an array");
        assertProblem(post(path, "application/json", "\"just a string\""), 400, "a string");
        assertProblem(post(path, "application/json", "{}"), 400, "no fields");
        assertProblem(post(path, "application/json", ""), 400, "no body");
        assertProblem(post(path, "text/plain", "{}"), 415, "text/plain");
        assertProblem(post(path, "application/x-www-form-urlencoded", "username=a"), 415, "a form");
        assertProblem(post(path, "application/json", "{\"username\":\"" + "x".repeat(1 << 20) + "\"}"), 413, "1 MB");
        for (String value : List.of("' OR 1=1 --", "<script>alert(1)</script>", "\\u0000", "𝄞♫ünï", "a".repeat(5000))) {
            String json = "{\"username\":\"" + value + "\",\"password\":\"" + value + "\",\"email\":\"" + value
                    + "\",\"refresh_token\":\"" + value + "\"}";
            int status = post(path, "application/json", json).statusCode();
            assertTrue(status >= 400 && status < 500, path + " with " + value.substring(0, Math.min(20, value.length())) + " -> " + status);
        }
    }

    @Test
    void nulCharactersInTextAreRefusedAs400() throws Exception {
        String name = "nul" + UUID.randomUUID().toString().substring(0, 8);
        assertProblem(post("/api/auth/register", "application/json", "{\"username\":\"" + name + "\",\"email\":\"" + name
                + "@example.com\",\"password\":\"correct horse\",\"bio\":\"a\\u0000b\"}"), 400, "NUL in bio");
        assertProblem(post("/api/auth/token", "application/json", "{\"username\":\"a\\u0000\",\"password\":\"x\"}"),
                400, "NUL in username");
    }
}
