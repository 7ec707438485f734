package org.soundwave.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.soundwave.platform.web.ServletFakes.fake;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CrossSiteFilterTest {

    private static HttpServletRequest post(String host, String origin, String fetchSite) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Host", host);
        headers.put("Origin", origin);
        headers.put("Sec-Fetch-Site", fetchSite);
        return fake(HttpServletRequest.class, Map.of("getHeader", args -> headers.get((String) args[0])));
    }

    @ParameterizedTest(name = "Host {0}, Origin {1}, Sec-Fetch-Site {2}: same site {3}")
    @CsvSource(nullValues = "-", value = {
        "127.0.0.1:8080, -, same-origin, true",
        "127.0.0.1:8080, -, none, true",
        "127.0.0.1:8080, http://127.0.0.1:8080, cross-site, false",
        "127.0.0.1:8080, -, same-site, false",
        "127.0.0.1:8080, http://127.0.0.1:8080, -, true",
        "example.org, https://example.org, -, true",
        "EXAMPLE.org, https://example.ORG, -, true",
        "127.0.0.1:8080, https://evil.example, -, false",
        "127.0.0.1:8080, http://127.0.0.1:8081, -, false",
        "127.0.0.1:8080, null, -, false",
        "127.0.0.1:8080, http://[bad, -, false",
        "-, https://evil.example, -, false",
        "127.0.0.1:8080, -, -, true",
    })
    void onlyThisSitesOwnPagesOrNoBrowserAtAllMayPost(String host, String origin, String fetchSite, boolean same) {
        assertEquals(same, CrossSiteFilter.sameSite(post(host, origin, fetchSite)));
    }
}
