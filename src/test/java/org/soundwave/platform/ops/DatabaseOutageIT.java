package org.soundwave.platform.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.soundwave.platform.Http.json;
import static org.soundwave.platform.StandardDataset.single;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.soundwave.platform.Http;
import org.soundwave.platform.PageVisitor;
import org.soundwave.platform.StandardDataset;
import org.soundwave.platform.TestCluster;

/**
 * PostgreSQL stopped under load with bin/cluster stop postgres, as an operator would for maintenance:
 * the cached list is served stale, an uncached page answers Soundwave's own 503 with Retry-After, the API
 * a problem+json 503, no node leaves the balancer, a signed-in member stays signed in and a checkout is
 * refused whole. Started again, everything answers within 10 s with no restart, and an order placed just
 * before the outage completes once.
 */
class DatabaseOutageIT {

    private static TestCluster cluster;

    @BeforeAll
    static void cluster() {
        cluster = StandardDataset.cluster();
    }

    @Test
    void theSiteKeepsServingWhatItCanWhilePostgresIsDownAndRecoversByItself() {
        String username = "outage" + UUID.randomUUID().toString().substring(0, 8);
        String token = Http.newMember(cluster, username);
        PageVisitor member = new PageVisitor();
        member.signIn(cluster.url(""), username, "correct horse");
        long product = single(cluster, "SELECT min(id) FROM product WHERE stock >= 10");
        long post = single(cluster, "SELECT max(id) FROM post") - 7;
        String postPage = "/posts/" + post;

        // The list page in the page cache, with a time to live that runs out during the outage.
        cluster.command("cache", "clear", "page");
        cluster.command("cache", "ttl", "page", "2");
        SteadyLoad load = null;
        try {
            assertEquals(200, cluster.get(cluster.url("/")).statusCode());
            assertEquals("HIT", cluster.get(cluster.url("/")).headers().firstValue("X-Cache").orElse(""));
            load = SteadyLoad.start(20, Duration.ofMillis(50), cluster.url("/"));
            HttpResponse<String> placed = Http.checkout(cluster, token, product);
            assertEquals(202, placed.statusCode(), placed.body());
            long order = json(placed).getJsonNumber("id").longValue();

            cluster.command("stop", "postgres");

            TestCluster.awaitTrue("the cached list served stale", Duration.ofSeconds(15),
                    () -> "STALE".equals(cluster.get(cluster.url("/")).headers().firstValue("X-Cache").orElse("")));
            HttpResponse<String> stale = cluster.get(cluster.url("/"));
            assertEquals(200, stale.statusCode());
            assertTrue(Long.parseLong(stale.headers().firstValue("Age").orElse("0")) >= 2, "its Age: " + stale.headers().map());
            for (String node : TestCluster.ACTIVE) {
                assertUnavailablePage(cluster.get(cluster.nodeUrl(node, postPage)), node);
                assertUnavailableProblem(Http.send("GET", cluster.nodeUrl(node, "/api/posts/" + post), null, null), node);
            }
            HttpResponse<String> membersPage = member.get(cluster.url(postPage));
            assertUnavailablePage(membersPage, "the member's request");
            assertTrue(membersPage.body().contains(username), "still signed in: the page names " + username);
            assertUnavailableProblem(Http.checkout(cluster, token, product), "a checkout during the outage");
            for (String node : TestCluster.ACTIVE) {
                TestCluster.awaitTrue(node + "'s readiness to report the database unreachable", Duration.ofSeconds(10),
                        () -> databaseReachable(node).equals("false"));
                assertEquals(200, cluster.get(cluster.nodeUrl(node, "/health/ready")).statusCode(), node + " stays ready");
            }
            for (String node : TestCluster.ACTIVE) {
                assertEquals("Init Ok", cluster.balancerState(node), node + " stays in the balancer's rotation");
            }

            cluster.command("start", "postgres");

            TestCluster.awaitTrue("pages and API to answer again, on every node", Duration.ofSeconds(10), () ->
                    TestCluster.ACTIVE.stream().allMatch(node ->
                            cluster.get(cluster.nodeUrl(node, postPage)).statusCode() == 200
                                    && Http.send("GET", cluster.nodeUrl(node, "/api/posts/" + post), null, null).statusCode() == 200));
            HttpResponse<String> profile = member.get(cluster.url("/profile"));
            assertEquals(200, profile.statusCode());
            assertTrue(profile.body().contains(username), "the member is still signed in after the outage");
            for (String node : TestCluster.ACTIVE) {
                assertEquals("true", databaseReachable(node), node + "'s readiness");
            }
            ApacheBench.Totals totals = load.stop();
            load = null;
            assertEquals(0, totals.failed(), "the cached list throughout: " + totals.output());
            assertEquals(0, totals.non2xx(), "the cached list throughout: " + totals.output());

            TestCluster.awaitTrue("the order placed before the outage to complete", Duration.ofSeconds(30),
                    () -> single(cluster, "SELECT count(*) FROM customer_order WHERE id = ? AND status = 'COMPLETED'", order) == 1);
            assertEquals(1, single(cluster, "SELECT count(*) FROM payment_charge WHERE order_id = ?", order), "charged once");
            assertEquals(0, single(cluster, "SELECT count(*) FROM order_job WHERE order_id = ?", order), "nothing left queued");
            assertEquals(1, single(cluster, """
                    SELECT count(*) FROM customer_order o JOIN app_user u ON u.id = o.member_id WHERE u.username = ?""", username),
                    "the refused checkout left no order behind");
        } finally {
            if (load != null) {
                load.stop();
            }
            cluster.command("start", "postgres");
            cluster.command("cache", "ttl", "page", "60");
        }
    }

    private static void assertUnavailablePage(HttpResponse<String> page, String who) {
        assertEquals(503, page.statusCode(), who + ": " + page.body());
        assertEquals(String.valueOf(5), page.headers().firstValue("Retry-After").orElse(""), who + ": Retry-After");
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), who);
        assertTrue(page.body().contains("Back in a moment") && page.body().contains("site-header"), who + ": the site's own page");
    }

    private static void assertUnavailableProblem(HttpResponse<String> response, String who) {
        assertEquals(503, response.statusCode(), who + ": " + response.body());
        assertEquals("5", response.headers().firstValue("Retry-After").orElse(""), who + ": Retry-After");
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse("").split(";")[0], who);
        JsonObject problem = json(response);
        assertEquals(503, problem.getInt("status"));
        assertTrue(problem.getString("type").endsWith("/unavailable"), problem.toString());
    }

    /** The database check's "reachable" in the node's readiness ("" if absent). */
    private static String databaseReachable(String node) {
        JsonObject readiness = json(cluster.get(cluster.nodeUrl(node, "/health/ready")));
        return readiness.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> check.getString("name").equals("database"))
                .map(check -> check.getJsonObject("data").get("reachable").toString().replace("\"", ""))   // "false" or false
                .findFirst().orElse("");
    }
}
