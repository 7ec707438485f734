package org.soundwave.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.soundwave.platform.Http;
import org.soundwave.platform.TestCluster;

/** POST /api/auth/register through the balancer, with good and hostile input. */
class RegistrationIT {

    private static TestCluster cluster;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void cluster() {
        cluster = TestCluster.get();
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    private static HttpResponse<String> register(String contentType, HttpRequest.BodyPublisher body) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(cluster.url("/api/auth/register")))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", contentType)
                    .POST(body)
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static HttpResponse<String> register(String json) {
        return register("application/json", HttpRequest.BodyPublishers.ofString(json));
    }

    private static String json(String username, String email, String password, String bio) {
        return "{\"username\":\"" + username + "\",\"email\":\"" + email + "\",\"password\":\"" + password + "\""
                + (bio == null ? "" : ",\"bio\":\"" + bio + "\"") + "}";
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        String type = response.headers().firstValue("Content-Type").orElse("");
        assertTrue(type.startsWith("application/problem+json"), type);
        assertFalse(type.contains("charset") && !type.contains("UTF-8"), "JSON is UTF-8: " + type);
        assertTrue(response.body().contains("\"status\":" + status), response.body());
        assertFalse(response.body().contains("Exception"), response.body());
        assertFalse(response.body().contains("at org."), response.body());
    }

    private static int accountsNamed(String username) throws SQLException {
        return Integer.parseInt(aboutAccount("SELECT count(*) FROM app_user WHERE lower(username) = lower(?)", username));
    }

    /** The one value a query about the account named {@code username} (its one parameter) answers. */
    private static String aboutAccount(String sql, String username) throws SQLException {
        try (Connection db = DriverManager.getConnection(cluster.jdbcUrl(), "soundwave", cluster.dbPassword());
             PreparedStatement s = db.prepareStatement(sql)) {
            s.setString(1, username);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next(), "no row for " + username);
                return rs.getString(1);
            }
        }
    }

    @Test
    void aNewcomerGetsAMemberAccountWithoutItsSecretsInTheAnswer() {
        String name = unique("ann");
        HttpResponse<String> response = register(json(name, name + "@example.com", "correct horse", "Bassist."));
        assertEquals(201, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"username\":\"" + name + "\""), response.body());
        assertTrue(response.body().contains("\"role\":\"member\""), response.body());
        assertFalse(response.body().contains("password"), response.body());
        assertFalse(response.body().toLowerCase().contains("token"), response.body());
    }

    @Test
    void thePasswordIsStoredOnlyAsASaltedPbkdf2HashOfTheConfiguredStrengthAndSignsIn() throws SQLException {
        String name = unique("pia");
        assertEquals(201, register(json(name, name + "@example.com", "correct horse", null)).statusCode());

        String stored = aboutAccount("SELECT password_hash FROM app_user WHERE username = ?", name);
        String[] parts = stored.split(":");
        assertEquals(List.of("PBKDF2WithHmacSHA256", String.valueOf(TestCluster.PASSWORD_ITERATIONS)), List.of(parts[0], parts[1]),
                "algorithm and iterations (the cluster's soundwave.password.iterations): " + stored);
        assertEquals(32, Base64.getDecoder().decode(parts[2]).length, "a 32-byte salt");
        assertFalse(stored.contains("correct horse"), stored);
        assertFalse(Http.token(cluster, name, "correct horse").isBlank(), "the member signs in with it");
    }

    @Test
    void usernamesAndEmailsAreTakenWhateverTheirCase() throws SQLException {
        String name = unique("bob");
        assertEquals(201, register(json(name, name + "@example.com", "correct horse", null)).statusCode());

        HttpResponse<String> sameName = register(json(name.toUpperCase(), unique("x") + "@example.com", "correct horse", null));
        assertProblem(sameName, 409);
        assertTrue(sameName.body().contains("{\"field\":\"username\",\"message\":\"is already taken\"}"), sameName.body());

        HttpResponse<String> sameEmail = register(json(unique("c"), name.toUpperCase() + "@EXAMPLE.com", "correct horse", null));
        assertProblem(sameEmail, 409);
        assertTrue(sameEmail.body().contains("\"field\":\"email\""), sameEmail.body());
        assertEquals(1, accountsNamed(name));
    }

    @Test
    void twoRegistrationsOfOneNameRacingGiveExactlyOneAccountAndOneConflict() throws Exception {
        String name = unique("race");
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<Integer>> attempts = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String email = name + "-" + i + "@example.com";
            attempts.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
                return register(json(name, email, "correct horse", null)).statusCode();
            }));
        }
        List<Integer> statuses = attempts.stream().map(CompletableFuture::join).sorted().toList();
        assertEquals(List.of(201, 409), statuses);
        assertEquals(1, accountsNamed(name));
    }

    @Test
    void invalidFieldsAreListedOneByOne() throws SQLException {
        String name = "x'; DROP TABLE app_user; --";
        HttpResponse<String> response = register(json(name, "not-an-email", "short", null));
        assertProblem(response, 400);
        for (String field : List.of("username", "email", "password")) {
            assertTrue(response.body().contains("{\"field\":\"" + field + "\""), field + " in " + response.body());
        }
        assertEquals(0, accountsNamed(name));
        assertTrue(accountsNamed("admin") >= 0, "app_user is still there");
    }

    @Test
    void missingFieldsAndAnEmptyBodyAre400() {
        HttpResponse<String> missing = register("{}");
        assertProblem(missing, 400);
        assertTrue(missing.body().contains("{\"field\":\"username\",\"message\":\"is required\"}"), missing.body());
        assertProblem(register("application/json", HttpRequest.BodyPublishers.noBody()), 400);
    }

    @Test
    void malformedJsonIs400WrongContentTypeIs415AndAMegabyteIs413() {
        assertProblem(register("{\"username\": "), 400);
        assertProblem(register("{\"username\": [1, 2]}"), 400);
        assertProblem(register("text/plain", HttpRequest.BodyPublishers.ofString("username=eve")), 415);
        String megabyte = "{\"bio\":\"" + "a".repeat(1 << 20) + "\"}";
        assertProblem(register(megabyte), 413);
        assertProblem(register("application/json",
                HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(megabyte.getBytes()))), 413);
    }

    @Test
    void sqlMetacharactersMarkupAndUnicodeAreStoredAsWritten() {
        String name = unique("uni");
        String bio = "Rock 'n' roll; -- \\\"quotes\\\" <script>alert(1)</script> ♫ Grüße 日本語";
        HttpResponse<String> response = register(json(name, name + "@example.com", "pässwörd ♫ long", bio));
        assertEquals(201, response.statusCode(), response.body());
        assertTrue(response.body().contains("<script>alert(1)</script> ♫ Grüße 日本語"), response.body());
    }

    @Test
    void theAdministratorWasCreatedOnceAlthoughThreeNodesStartedTogether() throws SQLException {
        assertEquals(1, accountsNamed("admin"));
    }
}
