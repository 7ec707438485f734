package org.soundwave.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.soundwave.platform.TestCluster;

/** Pages carry the browser-hardening headers; the session cookie is HttpOnly and SameSite=Lax. */
class SecurityHeadersIT {

    @Test
    void pagesCarryHardeningHeadersAndASafeSessionCookie() {
        TestCluster cluster = TestCluster.get();
        HttpResponse<String> page = cluster.get(cluster.url("/visit"));
        assertEquals(200, page.statusCode());
        assertEquals(SecurityHeadersFilter.CONTENT_SECURITY_POLICY, page.headers().firstValue("Content-Security-Policy").orElse(""));
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals("strict-origin-when-cross-origin", page.headers().firstValue("Referrer-Policy").orElse(""));
        assertEquals(List.of("DENY"), page.headers().allValues("X-Frame-Options"));
        String cookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie"));
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.toLowerCase().contains("samesite=lax"), cookie);
    }
}
