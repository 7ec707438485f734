package org.soundwave.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.soundwave.platform.BalancerIT.sessionRoute;
import static org.soundwave.platform.BalancerIT.visitCount;
import static org.soundwave.platform.TestCluster.servedBy;

import java.net.CookieManager;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Nodes die (kill -9) under the balancer: sessions survive, the standby steps in, restarts rejoin cleanly. */
class FailoverIT {

    private static TestCluster cluster;

    @BeforeAll
    static void cluster() {
        cluster = TestCluster.get();
    }

    @AfterEach
    void heal() {
        cluster.up();
    }

    /**
     * Two sessions on one node, a visitor's (a page that counts its visits) and a member's who signed in on
     * the page: both go on, on another node, after that node's kill -9.
     */
    @Test
    void aVisitorsAndASignedInMembersSessionsSurviveTheDeathOfTheirNode() {
        HttpClient visitor = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> response = Http.get(visitor, cluster.url("/visit"));
        String home = sessionRoute(response);
        for (int i = 2; i <= 5; i++) {
            response = Http.get(visitor, cluster.url("/visit"));
            assertEquals(home, servedBy(response));
        }
        assertEquals(5, visitCount(response.body()));
        String name = "fo" + UUID.randomUUID().toString().substring(0, 8);
        Http.register(cluster, name, "correct horse");
        PageVisitor member = PageVisitor.memberServedBy(cluster, home, name, "correct horse");

        cluster.kill(home);

        response = Http.get(visitor, cluster.url("/visit"));
        assertEquals(200, response.statusCode(), "the first request after the node died");
        String survivor = servedBy(response);
        assertNotEquals(home, survivor, "served by a live node");
        assertEquals(6, visitCount(response.body()), "the session kept its five visits and counted this one");
        assertTrue(response.body().contains("<span class=\"node\">" + home + "</span>"),
                "the history still lists the dead node");
        assertEquals(survivor, sessionRoute(response), "the survivor took the session over (route rewritten)");

        response = Http.get(visitor, cluster.url("/visit"));
        assertEquals(survivor, servedBy(response), "and now sticks to the survivor");
        assertEquals(7, visitCount(response.body()));

        HttpResponse<String> profile = member.get(cluster.url("/profile"));
        assertEquals(200, profile.statusCode(), "the member is still signed in, not sent to sign in");
        assertNotEquals(home, servedBy(profile));
        assertTrue(profile.body().contains("<h1>" + name), "still " + name);
    }

    @Test
    void theStandbyServesWhenBothActiveNodesAreDown() {
        assertEquals(0, countServedBy(TestCluster.STANDBY, 20), "the standby idles while actives are up");

        cluster.kill("node1");
        cluster.kill("node2");

        TestCluster.awaitTrue("the standby to take over", Duration.ofSeconds(30),
                () -> TestCluster.STANDBY.equals(servedBy(cluster.get(cluster.url("/")))));
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> response = cluster.get(cluster.url("/"));
            assertEquals(200, response.statusCode(), "request " + i + " with only the standby alive");
            assertEquals(TestCluster.STANDBY, servedBy(response));
        }
    }

    @Test
    void aRestartedNodeIsPutBackByTheHealthCheckAndServesNo404Or503WhileDeploying() {
        cluster.kill("node2");
        CompletableFuture<String> restart = CompletableFuture.supplyAsync(() -> cluster.command("restart", "node2"));

        Map<Integer, Integer> statuses = new TreeMap<>();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        boolean node2Back = false;
        int requests = 0;
        while (!node2Back && Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = cluster.get(cluster.url("/"));
            statuses.merge(response.statusCode(), 1, Integer::sum);
            node2Back = response.statusCode() == 200 && "node2".equals(servedBy(response));
            requests++;
            TestCluster.pause(Duration.ofMillis(50));
        }
        restart.join();

        assertTrue(node2Back, "node2 never served again; statuses " + statuses);
        // It ran its warm-up pass before it became ready: readiness says so, and its log.
        String readiness = cluster.get(cluster.nodeUrl("node2", "/health/ready")).body();
        assertTrue(readiness.contains("\"name\":\"warm-up\",\"status\":\"UP\""), readiness);
        assertTrue(readiness.contains("\"requests\":\"" + TestCluster.WARMUP_REQUESTS + "\""), readiness);
        assertTrue(readiness.contains("\"notOk\":\"0\""), "every warm-up request answered 2xx: " + readiness);
        assertTrue(readiness.contains("\"member\":\"warm-up-node2\""), "half of it browsed as its signed-in member: " + readiness);
        assertTrue(nodeLog("node2").contains("warm-up done: " + TestCluster.WARMUP_REQUESTS + " requests (0 not 2xx)"),
                "node2's log says so");
        assertEquals(Map.of(200, requests), statuses, "every request while node2 restarted was served");
        cluster.awaitBalanced(List.of("node2"));
    }

    private static String nodeLog(String node) {
        try {
            return java.nio.file.Files.readString(cluster.runDir().resolve("nodes/" + node + "/node.log"));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static int countServedBy(String node, int requests) {
        int count = 0;
        for (int i = 0; i < requests; i++) {
            HttpResponse<String> response = cluster.get(cluster.url("/"));
            assertEquals(200, response.statusCode());
            count += node.equals(servedBy(response)) ? 1 : 0;
        }
        return count;
    }
}
