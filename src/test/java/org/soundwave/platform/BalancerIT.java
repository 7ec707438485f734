package org.soundwave.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.soundwave.platform.TestCluster.servedBy;

import java.net.CookieManager;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** httpd in front of the cluster: round-robin for anonymous visitors, stickiness for sessions. */
class BalancerIT {

    private static TestCluster cluster;

    @BeforeAll
    static void cluster() {
        cluster = TestCluster.get();
    }

    /**
     * httpd's byrequests method balances all requests, sticky ones included: after a session's requests
     * to one node it sends anonymous ones to the other until the totals even out. So the split of
     * anonymous requests is measured on a freshly reloaded balancer (bin/cluster up reloads httpd).
     */
    @Test
    void anonymousRequestsAreSplitEvenlyBetweenActiveNodesAndNeverReachTheStandby() {
        cluster.up();
        Map<String, Integer> servedBy = new TreeMap<>();
        for (int i = 0; i < 200; i++) {
            HttpResponse<String> response = cluster.get(cluster.url("/"));
            assertEquals(200, response.statusCode(), "request " + i);
            servedBy.merge(servedBy(response), 1, Integer::sum);
        }
        assertEquals(java.util.Set.of("node1", "node2"), servedBy.keySet(), "nodes that served: " + servedBy);
        for (String node : TestCluster.ACTIVE) {
            int count = servedBy.get(node);
            assertTrue(count >= 90 && count <= 110, node + " served " + count + " of 200 (expected 100 ± 10%): " + servedBy);
        }
    }

    @Test
    void aSessionStaysOnTheNodeItsCookieNames() {
        HttpClient visitor = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> first = Http.get(visitor, cluster.url("/visit"));
        assertEquals(200, first.statusCode());
        String route = sessionRoute(first);
        assertEquals(servedBy(first), route, "the JSESSIONID route suffix names the node that created the session");

        for (int i = 2; i <= 50; i++) {
            HttpResponse<String> response = Http.get(visitor, cluster.url("/visit"));
            assertEquals(200, response.statusCode());
            assertEquals(route, servedBy(response), "request " + i + " of the session");
            assertEquals(i, visitCount(response.body()), "the session counted every visit");
        }
    }

    static String sessionRoute(HttpResponse<?> response) {
        String cookie = response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no JSESSIONID cookie: " + response.headers().map()));
        Matcher m = Pattern.compile("JSESSIONID=[^.;]+\\.([^;]+)").matcher(cookie);
        assertTrue(m.find(), "no route suffix in " + cookie);
        return m.group(1);
    }

    static int visitCount(String page) {
        Matcher m = Pattern.compile("id=\"visit-count\">(\\d+)<").matcher(page);
        assertTrue(m.find(), "no visit count on the page");
        return Integer.parseInt(m.group(1));
    }
}
