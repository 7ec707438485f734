package org.soundwave.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.soundwave.platform.Http;
import org.soundwave.platform.PageVisitor;
import org.soundwave.platform.TestCluster;

/**
 * TLS at the edge: httpd serves the site over HTTPS too, with the certificate bin/cluster made at the first
 * 'up' (trusted here, and only it), TLS 1.2 or 1.3, HSTS and HTTP/2 for clients that offer it; over HTTPS the nodes build https:// redirects and
 * set the session cookie Secure, over HTTP neither, whatever X-Forwarded-Proto a client sends; and with
 * SOUNDWAVE_HTTPS_REDIRECT=yes plain HTTP redirects to HTTPS, the operators' pages excepted.
 */
class TlsIT {

    private static TestCluster cluster;
    private static HttpClient tls;

    @BeforeAll
    static void start() {
        cluster = TestCluster.get();
        tls = HttpClient.newBuilder().sslContext(cluster.edgeTls()).build();
    }

    @Test
    void theSiteAnswersOverHttpsWithItsOwnCertificateAndHsts() throws IOException {
        HttpResponse<String> page = Http.get(tls, cluster.httpsUrl("/"));

        assertEquals(200, page.statusCode());
        assertTrue(TestCluster.ACTIVE.contains(TestCluster.servedBy(page)), "served by an active node: " + page.headers().map());
        assertEquals("TLSv1.3", page.sslSession().orElseThrow().getProtocol());
        assertEquals("max-age=63072000", page.headers().firstValue("Strict-Transport-Security").orElse("none"));
        assertTrue(cluster.get(cluster.url("/")).headers().firstValue("Strict-Transport-Security").isEmpty(),
                "no HSTS over plain HTTP, where it means nothing");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cluster.secret("tls-key.pem"))),
                "the private key is its owner's only");
    }

    @Test
    void clientsThatOfferHttp2GetItOverHttpsAndTheOthersHttp11() {
        HttpClient h2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).sslContext(cluster.edgeTls()).build();
        HttpResponse<String> page = Http.get(h2, cluster.httpsUrl("/"));
        assertEquals(200, page.statusCode());
        assertEquals(HttpClient.Version.HTTP_2, page.version());
        assertTrue(TestCluster.ACTIVE.contains(TestCluster.servedBy(page)), "served by an active node: " + page.headers().map());

        HttpClient h11 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(cluster.edgeTls()).build();
        assertEquals(HttpClient.Version.HTTP_1_1, Http.get(h11, cluster.httpsUrl("/")).version(), "HTTP/1.1 over HTTPS (ab, curl)");
        assertEquals(HttpClient.Version.HTTP_1_1, Http.get(h2, cluster.url("/")).version(), "plain HTTP stays HTTP/1.1 (no h2c)");
    }

    @Test
    void onlyTls12AndNewerAreSpoken() {
        assertTrue(handshake("-tls1_2").contains("New, TLSv1.2, Cipher is ECDHE-"), "TLS 1.2 with a forward-secret cipher");
        String old = handshake("-tls1_1");
        assertTrue(old.contains("Cipher is (NONE)") && old.contains("alert protocol version"), "TLS 1.1 is refused:\n" + old);
    }

    @Test
    void overHttpsRedirectsSayHttpsAndTheSessionCookieIsSecure() {
        HttpResponse<String> profile = Http.get(tls, cluster.httpsUrl("/profile"));
        assertEquals(302, profile.statusCode());
        assertEquals(cluster.httpsUrl("/sign-in?next=%2Fprofile"), profile.headers().firstValue("Location").orElse("none"));
        assertTrue(sessionCookie(Http.get(tls, cluster.httpsUrl("/sign-in"))).contains("; Secure"), "the session cookie is Secure over HTTPS");

        String username = "tls" + System.nanoTime() % 1_000_000;
        Http.newMember(cluster, username);
        PageVisitor member = new PageVisitor(cluster.edgeTls());
        member.signIn(cluster.httpsUrl(""), username, "correct horse");
        HttpResponse<String> signedIn = member.get(cluster.httpsUrl("/profile"));
        assertEquals(200, signedIn.statusCode());
        assertTrue(signedIn.body().contains(username), "signed in over HTTPS: " + signedIn.body());
    }

    @Test
    void overHttpAClientCannotClaimHttps() {
        HttpClient plain = Http.client();
        for (String claim : List.of("", "https")) {
            HttpRequest.Builder profile = HttpRequest.newBuilder(URI.create(cluster.url("/profile")));
            HttpRequest.Builder signIn = HttpRequest.newBuilder(URI.create(cluster.url("/sign-in")));
            if (!claim.isEmpty()) {
                profile.header("X-Forwarded-Proto", claim);
                signIn.header("X-Forwarded-Proto", claim);
            }
            assertEquals(cluster.url("/sign-in?next=%2Fprofile"), Http.send(plain, profile).headers().firstValue("Location").orElse("none"),
                    "X-Forwarded-Proto: " + claim);
            String cookie = sessionCookie(Http.send(plain, signIn));
            assertFalse(cookie.contains("Secure"), "no Secure cookie over HTTP (X-Forwarded-Proto: " + claim + "): " + cookie);
        }
    }

    @Test
    void withTheRedirectSettingPlainHttpGoesToHttps() {
        try {
            cluster.run(Map.of("SOUNDWAVE_HTTPS_REDIRECT", "yes"), "bin/cluster", "up");
            HttpResponse<String> moved = cluster.get(cluster.url("/posts?page=2"));
            assertEquals(301, moved.statusCode());
            assertEquals(cluster.httpsUrl("/posts?page=2"), moved.headers().firstValue("Location").orElse("none"));
            assertEquals(200, cluster.get(cluster.url("/balancer-manager")).statusCode(), "operators' pages stay on HTTP");
            assertEquals(200, Http.get(tls, cluster.httpsUrl("/")).statusCode(), "HTTPS serves the site");
        } finally {
            cluster.run(Map.of("SOUNDWAVE_HTTPS_REDIRECT", "no"), "bin/cluster", "up");
        }
        assertEquals(200, cluster.get(cluster.url("/")).statusCode(), "plain HTTP serves again without the setting");
        cluster.awaitBalanced(TestCluster.NODES);
    }

    private static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie: " + response.headers().map()));
    }

    /** What openssl's client says of a handshake with the edge, limited to one protocol version. */
    private static String handshake(String version) {
        String address = URI.create(cluster.httpsUrl("/")).getAuthority();
        try {
            Process p = new ProcessBuilder("openssl", "s_client", "-connect", address, version, "-cipher", "DEFAULT:@SECLEVEL=0",
                    "-CAfile", cluster.secret("tls-cert.pem").toString())
                    .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(20, TimeUnit.SECONDS), "openssl s_client did not end");
            return out;
        } catch (IOException e) {
            throw new AssertionError("cannot run openssl s_client", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
