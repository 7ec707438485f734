package org.soundwave.platform.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.soundwave.platform.Http;
import org.soundwave.platform.PageVisitor;
import org.soundwave.platform.TestCluster;

/**
 * bin/cluster deploy rolls a new build through the running cluster one node at a time: with 50 users on the
 * site and a signed-in member no request fails, each node is back in rotation with a small share of new
 * visitors that grows to a full one (slow start), and the deploy names each node's phases; a build that
 * cannot start is rolled back; a build that cannot read the running build's sessions is refused before
 * anything stops. (The users keep a steady
 * pace rather than ab's flat-out loop: see {@link SteadyLoad}.)
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RollingDeployIT {

    private static final int USERS = 50;
    /**
     * About 200 requests a second from the 50 users: one every 5 ms, so any switch that drops requests is
     * met by some. At 100 ms (500 a second) serving them took 1.2 of the machine's 2 cores (top) and each
     * node change took two to three times as long, covering nothing more.
     */
    private static final Duration THINK_TIME = Duration.ofMillis(250);

    private static final Pattern VERSION = Pattern.compile("\"version\":\"([^\"]*)\"");

    private static TestCluster cluster;

    @BeforeAll
    static void cluster() {
        cluster = TestCluster.get();
    }

    @Test
    @Order(1)
    void aBuildThatCannotReadTheRunningSessionsIsRefusedBeforeAnyNodeStops() {
        Map<String, Long> pids = cluster.pids();
        Path war = WarBuilds.without("WEB-INF/classes/org/soundwave/market/VisitorCart.class");

        TestCluster.Result result = cluster.run("bin/cluster", "deploy", war.toString());

        assertNotEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("removed     org/soundwave/market/VisitorCart"), result.output());
        assertTrue(result.output().contains("deploy refused"), result.output());
        assertEquals(pids, cluster.pids(), "no node was stopped or started");
    }

    @Test
    @Order(2)
    void aBuildThatFailsToStartIsAbortedAndTheClusterKeepsServingTheOldVersion() {
        Map<String, String> before = versions();
        SteadyLoad load = SteadyLoad.start(USERS, THINK_TIME, cluster.url("/"));

        TestCluster.Result result = cluster.run("bin/cluster", "deploy", WarBuilds.thatFailsToStart().toString());

        ApacheBench.Totals totals = load.stop();
        assertNotEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("deploy aborted"), result.output());
        assertTrue(totals.complete() > 0, totals.output());
        assertEquals(0, totals.failed(), "failed requests during the aborted deploy\n" + totals.output());
        assertEquals(0, totals.non2xx(), "non-2xx responses during the aborted deploy\n" + totals.output());
        assertEquals(before, versions(), "every node serves the version it served before");
        cluster.awaitBalanced(TestCluster.NODES);
    }

    @Test
    @Order(3)
    void aNewBuildRollsThroughUnderLoadWithoutAFailedRequestOrALostSession() {
        String version = "9.9." + System.currentTimeMillis() + "-rolled";
        Path war = WarBuilds.withVersion(version);
        String username = "roller" + System.nanoTime() % 1_000_000;
        Http.newMember(cluster, username);
        // The member comes over HTTPS: httpd's HTTPS virtual host has a balancer of its own, which bin/cluster
        // drains and slow-starts as it does the HTTP one.
        PageVisitor member = new PageVisitor(cluster.edgeTls());
        member.signIn(cluster.httpsUrl(""), username, "correct horse");
        assertSignedIn(member.get(cluster.httpsUrl("/profile")), username);

        SteadyLoad load = SteadyLoad.start(USERS, THINK_TIME, cluster.url("/"));
        AtomicBoolean deploying = new AtomicBoolean(true);
        CompletableFuture<Map<String, Integer>> memberRequests = CompletableFuture.supplyAsync(() -> {
            Map<String, Integer> outcomes = new TreeMap<>();
            while (deploying.get()) {
                HttpResponse<String> page = member.get(cluster.httpsUrl("/profile"));
                boolean signedIn = page.statusCode() == 200 && page.body().contains(username);
                outcomes.merge(signedIn ? "signed in" : page.statusCode() + " not signed in", 1, Integer::sum);
                TestCluster.pause(Duration.ofMillis(200));
            }
            return outcomes;
        });
        // Each member's smallest load factor while the deploy runs, in both balancers (HTTP's and HTTPS's): a
        // node back in rotation starts small.
        CompletableFuture<Map<String, Integer>> leastFactors = CompletableFuture.supplyAsync(() -> {
            Map<String, Integer> least = new TreeMap<>();
            while (deploying.get()) {
                cluster.loadFactors().forEach((route, factor) -> least.merge(route, factor, Math::min));
                cluster.loadFactors(cluster.httpsUrl("/balancer-manager"))
                        .forEach((route, factor) -> least.merge("https " + route, factor, Math::min));
                TestCluster.pause(Duration.ofMillis(200));
            }
            return least;
        });

        String output;
        try {
            output = cluster.command("deploy", war.toString());
        } finally {
            deploying.set(false);
        }
        ApacheBench.Totals totals = load.stop();
        Map<String, Integer> outcomes = memberRequests.join();
        Map<String, Integer> least = leastFactors.join();

        assertTrue(output.contains("deployed"), output);
        for (String node : TestCluster.NODES) {
            for (String phase : List.of(node + ": boot ", node + ": deploy ", node + " is ready after ",
                    node + ": out of rotation and stopped ", "back in rotation after ")) {
                assertTrue(output.contains(phase), "deploy names " + node + "'s phase '" + phase + "' with its seconds:\n" + output);
            }
        }
        for (String node : TestCluster.ACTIVE) {
            for (String balancer : List.of("", "https ")) {
                assertTrue(least.getOrDefault(balancer + node, TestCluster.FULL_FACTOR) < TestCluster.FULL_FACTOR,
                        node + " entered rotation with less than a full share of new visitors (slow start): " + least);
            }
        }
        assertTrue(totals.complete() > 0, totals.output());
        assertEquals(0, totals.failed(), "failed requests during the deploy\n" + totals.output());
        assertEquals(0, totals.non2xx(), "non-2xx responses during the deploy\n" + totals.output());
        assertEquals(List.of("signed in"), List.copyOf(outcomes.keySet()), "the member's requests during the deploy: " + outcomes);
        HttpResponse<String> profile = member.get(cluster.httpsUrl("/profile"));
        assertSignedIn(profile, username);
        assertTrue(profile.body().contains("<span id=\"version\">" + version), "the page shows the new version");
        versions().forEach((node, running) -> assertEquals(version, running, node + " runs the new build"));
        cluster.awaitBalanced(TestCluster.NODES);
    }

    private static void assertSignedIn(HttpResponse<String> page, String username) {
        assertEquals(200, page.statusCode(), "the member's profile page");
        assertTrue(page.body().contains(username), "the profile page is " + username + "'s");
    }

    /** The build each node runs, from its readiness. */
    private static Map<String, String> versions() {
        Map<String, String> versions = new TreeMap<>();
        for (String node : TestCluster.NODES) {
            String body = cluster.get(cluster.nodeUrl(node, "/health/ready")).body();
            Matcher m = VERSION.matcher(body);
            assertTrue(m.find(), node + " names no version: " + body);
            versions.put(node, m.group(1));
        }
        return versions;
    }
}
