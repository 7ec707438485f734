package org.soundwave.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.soundwave.platform.Http.field;
import static org.soundwave.platform.Http.get;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.soundwave.platform.Http;
import org.soundwave.platform.TestCluster;

/** A member reads and changes only their own account; another member's id is 404; admins see all. */
class AccountAccessIT {

    private static TestCluster cluster;
    private static String aliceToken;
    private static String aliceId;
    private static String bobId;

    @BeforeAll
    static void members() throws Exception {
        cluster = TestCluster.get();
        aliceToken = field(Http.memberTokens(cluster, "al" + UUID.randomUUID().toString().substring(0, 8)), "access_token");
        aliceId = idOf(aliceToken);
        bobId = idOf(field(Http.memberTokens(cluster, "bo" + UUID.randomUUID().toString().substring(0, 8)), "access_token"));
    }

    private static String idOf(String token) {
        return get(cluster.url("/api/me"), token).body().replaceAll(".*\"id\":(\\d+).*", "$1");
    }

    private static HttpResponse<String> put(String path, String token, String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(cluster.url(path)))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aMemberReadsAndEditsTheirOwnAccount() throws Exception {
        assertEquals(200, get(cluster.url("/api/accounts/" + aliceId), aliceToken).statusCode());
        HttpResponse<String> saved = put("/api/accounts/" + aliceId, aliceToken, "{\"bio\":\"Drummer\",\"city\":\"Oslo\"}");
        assertEquals(200, saved.statusCode(), saved.body());
        assertEquals("Drummer", field(saved.body(), "bio"));
        assertEquals("Oslo", field(get(cluster.url("/api/me"), aliceToken).body(), "city"));
    }

    @Test
    void anotherMembersAccountIs404LikeOneThatDoesNotExist() throws Exception {
        HttpResponse<String> other = get(cluster.url("/api/accounts/" + bobId), aliceToken);
        assertEquals(404, other.statusCode());
        assertEquals(404, get(cluster.url("/api/accounts/987654321"), aliceToken).statusCode());
        assertEquals(404, put("/api/accounts/" + bobId, aliceToken, "{\"bio\":\"hacked\"}").statusCode());
        assertTrue(!get(cluster.url("/api/accounts/" + bobId), aliceToken).body().contains("hacked"));
    }

    @Test
    void invalidProfileFieldsAre400AndNothingIsSaved() throws Exception {
        HttpResponse<String> response = put("/api/accounts/" + aliceId, aliceToken, "{\"phone\":\"call me; DROP TABLE\"}");
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"field\":\"phone\""), response.body());
    }

    @Test
    void anAdministratorMayReadAnyAccount() throws Exception {
        String password = Files.readString(cluster.secret("admin-password")).trim();
        String admin = field(Http.post(cluster.url("/api/auth/token"),
                "{\"username\":\"admin\",\"password\":\"" + password + "\"}").body(), "access_token");
        assertEquals(200, get(cluster.url("/api/accounts/" + bobId), admin).statusCode());
    }

    @Test
    void withoutATokenItIs401() {
        assertEquals(401, get(cluster.url("/api/accounts/" + aliceId), null).statusCode());
    }
}
