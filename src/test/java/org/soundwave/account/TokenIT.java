package org.soundwave.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.soundwave.platform.Http.field;
import static org.soundwave.platform.Http.get;
import static org.soundwave.platform.Http.post;
import static org.soundwave.platform.Http.postWithToken;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.soundwave.platform.Http;
import org.soundwave.platform.TestCluster;

/** API tokens: issued on one node, verified by MicroProfile JWT on every node; forgeries refused. */
class TokenIT {

    private static TestCluster cluster;
    private static String username;
    private static String access;
    private static String refresh;

    @BeforeAll
    static void signIn() {
        cluster = TestCluster.get();
        username = "tok" + UUID.randomUUID().toString().substring(0, 8);
        String tokens = Http.memberTokens(cluster, username);
        access = field(tokens, "access_token");
        refresh = field(tokens, "refresh_token");
    }

    private static int me(String token) {
        return get(cluster.url("/api/me"), token).statusCode();
    }

    private static PrivateKey realKey() throws Exception {
        String pem = Files.readString(cluster.secret("jwt-private.pem"));
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    /** A token like the real one, with the claims changed, signed RS256 with the given key. */
    private static String forge(PrivateKey key, UnaryOperator<JWTClaimsSet.Builder> change) throws Exception {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder(SignedJWT.parse(access).getJWTClaimsSet());
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(),
                change.apply(claims).build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    @Test
    void aValidAccessTokenOpensTheCallersOwnAccount() {
        HttpResponse<String> me = get(cluster.url("/api/me"), access);
        assertEquals(200, me.statusCode(), me.body());
        assertEquals(username, field(me.body(), "username"));
        assertEquals("member", field(me.body(), "role"));
    }

    @Test
    void aTokenIssuedThroughOneNodeIsAcceptedByEveryNode() {
        for (String node : TestCluster.NODES) {
            assertEquals(200, get(cluster.nodeUrl(node, "/api/me"), access).statusCode(), node);
        }
    }

    @Test
    void noTokenIs401WithAProblemAndAChallenge() {
        HttpResponse<String> response = get(cluster.url("/api/me"), null);
        assertEquals(401, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(response.body().contains("\"status\":401"), response.body());
    }

    @Test
    void expiredWrongIssuerAndWrongAudienceAre401() throws Exception {
        PrivateKey key = realKey();
        Date past = Date.from(Instant.now().minusSeconds(600));
        assertEquals(401, me(forge(key, c -> c.issueTime(Date.from(Instant.now().minusSeconds(1800))).expirationTime(past))));
        assertEquals(401, me(forge(key, c -> c.issuer("somebody-else"))));
        assertEquals(401, me(forge(key, c -> c.audience("another-api"))));
        assertEquals(200, me(forge(key, c -> c.jwtID(UUID.randomUUID().toString()))), "the forger itself is sound");
    }

    @Test
    void aTokenSignedByAnotherKeyIs401() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        assertEquals(401, me(forge(generator.generateKeyPair().getPrivate(), c -> c)));
    }

    @Test
    void aTamperedPayloadIs401() throws Exception {
        String[] parts = access.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"member\"", "\"admin\"");
        String tampered = parts[0] + "." + Base64URL.encode(payload) + "." + parts[2];
        assertEquals(401, me(tampered));
        assertEquals(401, get(cluster.url("/api/admin/accounts"), tampered).statusCode());
    }

    @Test
    void algNoneIs401() throws Exception {
        String header = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}").toString();
        String payload = access.split("\\.")[1];
        assertEquals(401, me(header + "." + payload + "."));
    }

    @Test
    void hs256SignedWithThePublicKeyIs401() throws Exception {
        byte[] publicKey = Files.readAllBytes(cluster.secret("jwt-public.pem"));
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), SignedJWT.parse(access).getJWTClaimsSet());
        jwt.sign(new MACSigner(publicKey));
        assertEquals(401, me(jwt.serialize()));
    }

    @Test
    void aRefreshTokenIsNotAnAccessToken() {
        assertEquals(401, me(refresh));
    }

    @Test
    void aMemberIsForbiddenWhatOnlyAdminsMayDo() {
        HttpResponse<String> response = get(cluster.url("/api/admin/accounts"), access);
        assertEquals(403, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"status\":403"), response.body());
    }

    @Test
    void theAdministratorMaySeeTheAccounts() throws Exception {
        String password = Files.readString(cluster.secret("admin-password")).trim();
        HttpResponse<String> tokens = post(cluster.url("/api/auth/token"),
                "{\"username\":\"admin\",\"password\":\"" + password + "\"}");
        assertEquals(200, tokens.statusCode(), tokens.body());
        HttpResponse<String> accounts = get(cluster.url("/api/admin/accounts?limit=5"), field(tokens.body(), "access_token"));
        assertEquals(200, accounts.statusCode(), accounts.body());
        assertTrue(accounts.body().startsWith("[{"), accounts.body());
    }

    @Test
    void refreshGivesANewWorkingPairAndRevokingEndsEveryTokenIssuedSoFar() {
        String tokens = Http.memberTokens(cluster, "rev" + UUID.randomUUID().toString().substring(0, 8));
        String myAccess = field(tokens, "access_token");
        String myRefresh = field(tokens, "refresh_token");

        HttpResponse<String> refreshed = post(cluster.url("/api/auth/refresh"), "{\"refresh_token\":\"" + myRefresh + "\"}");
        assertEquals(200, refreshed.statusCode(), refreshed.body());
        String newAccess = field(refreshed.body(), "access_token");
        assertNotEquals(myAccess, newAccess);
        assertEquals(200, me(newAccess));

        assertEquals(204, postWithToken(cluster.url("/api/auth/revoke"), newAccess).statusCode());
        assertEquals(401, me(myAccess), "an access token issued before the revocation");
        assertEquals(401, me(newAccess), "the one used to revoke");
        assertEquals(401, post(cluster.url("/api/auth/refresh"), "{\"refresh_token\":\"" + myRefresh + "\"}").statusCode());
    }

    /** Refresh-token rotation with reuse detection: each refresh token works once, and a replay revokes its family. */
    @Test
    void aRefreshTokenWorksOnceAndItsReplayRevokesItsWholeFamily() {
        String name = "rot" + UUID.randomUUID().toString().substring(0, 8);
        String first = field(Http.memberTokens(cluster, name), "refresh_token");
        HttpResponse<String> otherSignIn = post(cluster.url("/api/auth/token"), "{\"username\":\"" + name + "\",\"password\":\"correct horse\"}");
        String otherFamily = field(otherSignIn.body(), "refresh_token");

        HttpResponse<String> once = post(cluster.url("/api/auth/refresh"), "{\"refresh_token\":\"" + first + "\"}");
        assertEquals(200, once.statusCode(), once.body());
        String second = field(once.body(), "refresh_token");
        assertNotEquals(first, second, "each refresh answers a new refresh token");

        assertEquals(401, post(cluster.url("/api/auth/refresh"), "{\"refresh_token\":\"" + first + "\"}").statusCode(), "the first one again: a replay");
        assertEquals(401, post(cluster.url("/api/auth/refresh"), "{\"refresh_token\":\"" + second + "\"}").statusCode(),
                "the replay revoked the family: its latest token too");
        assertEquals(200, post(cluster.url("/api/auth/refresh"), "{\"refresh_token\":\"" + otherFamily + "\"}").statusCode(),
                "another sign-in's family is untouched");
    }

    @Test
    void anAccessTokenIsNotARefreshToken() {
        assertEquals(401, post(cluster.url("/api/auth/refresh"), "{\"refresh_token\":\"" + access + "\"}").statusCode());
        assertEquals(401, post(cluster.url("/api/auth/refresh"), "{\"refresh_token\":\"not.a.token\"}").statusCode());
        assertEquals(400, post(cluster.url("/api/auth/refresh"), "{}").statusCode());
    }

    @Test
    void wrongPasswordsAndUnknownUsersGetTheSameAnswerThenTheAccountIsThrottled() {
        String name = "thr" + UUID.randomUUID().toString().substring(0, 8);
        Http.memberTokens(cluster, name);
        HttpResponse<String> unknown = post(cluster.url("/api/auth/token"),
                "{\"username\":\"nobody" + UUID.randomUUID() + "\",\"password\":\"whatever1\"}");
        assertEquals(401, unknown.statusCode());
        String unknownDetail = unknown.body().replaceAll(".*\"detail\":\"([^\"]*)\".*", "$1");

        for (int i = 1; i <= 5; i++) {
            HttpResponse<String> wrong = post(cluster.url("/api/auth/token"),
                    "{\"username\":\"" + name + "\",\"password\":\"wrong password\"}");
            assertEquals(401, wrong.statusCode(), "failure " + i);
            assertTrue(wrong.body().contains(unknownDetail), "same answer as for an unknown user: " + wrong.body());
        }
        HttpResponse<String> throttled = post(cluster.url("/api/auth/token"),
                "{\"username\":\"" + name + "\",\"password\":\"correct horse\"}");
        assertEquals(429, throttled.statusCode(), "even the right password waits: " + throttled.body());
        long retryAfter = Long.parseLong(throttled.headers().firstValue("Retry-After").orElse("0"));
        assertTrue(retryAfter > 0 && retryAfter <= 30, "Retry-After " + retryAfter);
        assertEquals(200, post(cluster.url("/api/auth/token"),
                "{\"username\":\"" + username + "\",\"password\":\"correct horse\"}").statusCode(), "other accounts are not");
    }

    /**
     * The throttle, the lookup and uniqueness share one canonical username: a locked account is locked
     * under every letter case, and a spelling that Unicode case mapping would fold onto it (U+0130, dotted
     * capital I, lower-cases to "i" in PostgreSQL) names no account at all.
     */
    @Test
    void aLockedAccountStaysLockedUnderEverySpellingOfItsName() {
        String name = "spiii-" + UUID.randomUUID().toString().substring(0, 6);
        Http.memberTokens(cluster, name);
        for (int i = 1; i <= 5; i++) {
            assertEquals(401, post(cluster.url("/api/auth/token"), "{\"username\":\"" + name + "\",\"password\":\"wrong password\"}").statusCode());
        }
        String upper = name.toUpperCase(java.util.Locale.ROOT);
        assertEquals(429, post(cluster.url("/api/auth/token"), "{\"username\":\"" + upper + "\",\"password\":\"correct horse\"}").statusCode(),
                "the same account in capitals is throttled too");
        String dotted = name.replace('i', '\u0130');
        HttpResponse<String> unicode = post(cluster.url("/api/auth/token"), "{\"username\":\"" + dotted + "\",\"password\":\"correct horse\"}");
        assertEquals(401, unicode.statusCode(), dotted + " is not " + name + ": " + unicode.body());
        assertEquals(409, post(cluster.url("/api/auth/register"), "{\"username\":\"" + upper + "\",\"email\":\"x" + name
                + "@example.com\",\"password\":\"correct horse\"}").statusCode(), "nor can the name be taken again in capitals");
    }

    @Test
    void hostileSignInBodiesAre4xx() {
        for (String body : List.of("{", "[]", "{\"username\":null,\"password\":null}", "{\"username\":\"x' OR '1'='1\",\"password\":\"' OR '1'='1\"}")) {
            int status = post(cluster.url("/api/auth/token"), body).statusCode();
            assertTrue(status == 400 || status == 401, body + " -> " + status);
        }
    }
}
