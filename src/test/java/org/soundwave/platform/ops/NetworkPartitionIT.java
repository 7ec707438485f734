package org.soundwave.platform.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.soundwave.platform.Http.json;
import static org.soundwave.platform.StandardDataset.single;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.soundwave.platform.Http;
import org.soundwave.platform.PageVisitor;
import org.soundwave.platform.StandardDataset;
import org.soundwave.platform.TestCluster;

/**
 * The shared cluster runs across hosts (bin/cluster up --hosts: each process in a network namespace of its
 * own, with its own address on one bridge), so every integration test crosses a network. Here: that it
 * really does, and a network partition survived: one active node's host cut off from the other nodes'
 * under load (bin/cluster partition), then healed. The data grid's merge policies are proven on the way
 * (sessions and settings: the larger side's entries win; caches: the cut node's entries are dropped).
 * And a slow network to the database (bin/cluster delay) in the nodes' path.
 */
class NetworkPartitionIT {

    private static final String CUT = "node2";

    private static TestCluster cluster;

    @BeforeAll
    static void cluster() {
        cluster = StandardDataset.cluster();
    }

    @Test
    void everyProcessRunsOnAHostOfItsOwnAndTheNodesReachPostgresAcrossTheNetwork() throws IOException {
        String net = cluster.hostsNet().orElseThrow(() -> new AssertionError("the shared cluster runs on hosts"));
        Map<String, String> stacks = new TreeMap<>();
        for (Map.Entry<String, Long> process : cluster.pids().entrySet()) {
            stacks.put(process.getKey(), networkStack(process.getValue()));
        }
        assertEquals(Set.of("httpd", "node1", "node2", "node3", "postgres"), stacks.keySet());
        assertEquals(stacks.size(), Set.copyOf(stacks.values()).size(), "each on a network stack of its own: " + stacks);
        assertTrue(!stacks.containsValue(networkStack(ProcessHandle.current().pid())), "none on this machine's: " + stacks);

        Set<String> nodeHosts = TestCluster.NODES.stream().map(cluster::host).collect(Collectors.toCollection(TreeSet::new));
        nodeHosts.forEach(host -> assertTrue(host.startsWith(net + "."), host));
        assertEquals(nodeHosts, nodeClients(), "PostgreSQL's clients are the nodes' hosts");
    }

    @Test
    void aNodeCutOffFromTheOthersLeavesRotationTheOthersServeAndItRejoinsByItselfOnceHealed() {
        String first = "cut" + UUID.randomUUID().toString().substring(0, 8);
        String token = Http.newMember(cluster, first);
        PageVisitor sessionOnCutNode = PageVisitor.memberServedBy(cluster, CUT, first, "correct horse");
        long post = single(cluster, "SELECT max(id) FROM post") - 13;
        long product = single(cluster, "SELECT min(id) FROM product WHERE stock >= 10");
        String marker = "Said while " + CUT + " was cut off " + UUID.randomUUID();
        SteadyLoad load = null;
        try {
            cluster.command("partition", CUT);

            TestCluster.awaitTrue(CUT + " to find itself in the grid's minority", Duration.ofSeconds(30),
                    () -> gridCheck(CUT).getString("error", "").contains("minority"));
            assertEquals(503, cluster.get(cluster.nodeUrl(CUT, "/health/ready")).statusCode(), "its readiness is DOWN");
            TestCluster.awaitTrue("httpd's health check to take " + CUT + " out", Duration.ofSeconds(30),
                    () -> cluster.balancerState(CUT).contains("HcFl"));
            TestCluster.awaitTrue("the others to see a grid of two", Duration.ofSeconds(30),
                    () -> "2".equals(gridCheck("node1").getString("members")) && "2".equals(gridCheck("node3").getString("members")));
            assertEquals("UP", gridCheck("node1").getString("status"), "two of three is a majority");
            load = SteadyLoad.start(20, Duration.ofMillis(50), cluster.url("/posts/" + (post - 1)));

            // The member whose session lived on the cut node is still signed in, on another node.
            HttpResponse<String> profile = sessionOnCutNode.get(cluster.url("/profile"));
            assertEquals(200, profile.statusCode());
            assertTrue(profile.body().contains("<h1>" + first), "still " + first);
            assertNotEquals(CUT, TestCluster.servedBy(profile));
            // Someone signs in meanwhile, and an order is placed.
            String second = "cut" + UUID.randomUUID().toString().substring(0, 8);
            Http.newMember(cluster, second);
            PageVisitor signedInDuring = new PageVisitor();
            signedInDuring.signIn(cluster.url(""), second, "correct horse");
            HttpResponse<String> placed = Http.checkout(cluster, token, product);
            assertEquals(202, placed.statusCode(), placed.body());
            long order = json(placed).getJsonNumber("id").longValue();
            // The cut node keeps a copy of a post page on its side of the page cache, which the larger side
            // then invalidates with a new comment (and does not render again before the heal).
            cluster.get(cluster.nodeUrl(CUT, "/posts/" + post));
            assertEquals("HIT", cluster.get(cluster.nodeUrl(CUT, "/posts/" + post)).headers().firstValue("X-Cache").orElse(""),
                    "the cut node serves the post page from its side of the cache");
            HttpResponse<String> comment = Http.send("POST", cluster.url("/api/posts/" + post + "/comments"), token,
                    Json.createObjectBuilder().add("content", marker).build().toString());
            assertEquals(201, comment.statusCode(), comment.body());
            // A setting changed on the larger side.
            cluster.command("cache", "ttl", "fragment", "45");

            cluster.command("heal");

            TestCluster.awaitTrue(CUT + " to merge back into the grid and be ready", Duration.ofSeconds(60),
                    () -> cluster.get(cluster.nodeUrl(CUT, "/health/ready")).statusCode() == 200
                            && "3".equals(gridCheck(CUT).getString("members")));
            cluster.awaitBalanced(TestCluster.NODES);
            ApacheBench.Totals totals = load.stop();
            load = null;
            assertEquals(0, totals.failed(), "once the health check had acted, until after the heal: " + totals.output());
            assertEquals(0, totals.non2xx(), "once the health check had acted, until after the heal: " + totals.output());
            assertTrue(metric(CUT, "soundwave_grid_merges_total") >= 1, CUT + " merged into the larger side");

            // Sessions: the larger side's are kept (the one that lived on the cut node, the one created meanwhile).
            assertTrue(sessionOnCutNode.get(cluster.url("/profile")).body().contains("<h1>" + first), first + " still signed in");
            assertTrue(signedInDuring.get(cluster.url("/profile")).body().contains("<h1>" + second), second + " still signed in");
            // Caches: the cut node's stale copy of the post page was dropped, not merged back.
            for (String node : TestCluster.NODES) {
                assertTrue(cluster.get(cluster.nodeUrl(node, "/posts/" + post)).body().contains(marker), node + " shows the new comment");
            }
            // Settings: the larger side's value, on the cut node too.
            String status = cluster.command("cache", "status");
            assertEquals(TestCluster.NODES.size(), status.lines().filter(line -> line.matches("fragment\\s+yes\\s+45s\\s+node\\d.*")).count(),
                    "every node has the larger side's time to live:\n" + status);
            // Orders: the one placed meanwhile is processed once.
            TestCluster.awaitTrue("the order placed during the partition to complete", Duration.ofSeconds(60),
                    () -> single(cluster, "SELECT count(*) FROM customer_order WHERE id = ? AND status = 'COMPLETED'", order) == 1);
            assertEquals(1, single(cluster, "SELECT count(*) FROM payment_charge WHERE order_id = ?", order), "charged once");
        } finally {
            if (load != null) {
                load.stop();
            }
            cluster.command("heal");
            cluster.command("cache", "ttl", "fragment", "60");
        }
    }

    /**
     * bin/cluster delay puts a forwarder that delays every byte in front of PostgreSQL on its host: the
     * nodes' connections then come through it (from the database host's loopback), and everything still
     * works, slower; delay 0 takes it out again.
     */
    @Test
    void aSlowNetworkToTheDatabaseIsInTheNodesPathAndEverythingStillWorks() {
        String name = "slow" + UUID.randomUUID().toString().substring(0, 8);
        String token = Http.newMember(cluster, name);
        long post = single(cluster, "SELECT max(id) FROM post") - 17;
        try {
            assertTrue(cluster.command("delay", "30").contains("30 ms later each way"));
            TestCluster.awaitTrue("every node to read through the delay", Duration.ofSeconds(30), () -> TestCluster.NODES.stream()
                    .allMatch(node -> cluster.get(cluster.nodeUrl(node, "/api/posts/" + post + "/comments")).statusCode() == 200));
            assertEquals(Set.of("127.0.0.1"), nodeClients(), "the nodes' connections come from the delaying forwarder");
            assertTrue(cluster.command("status").contains("30 ms delay each way"));
            HttpResponse<String> comment = Http.send("POST", cluster.url("/api/posts/" + post + "/comments"), token,
                    Json.createObjectBuilder().add("content", "Over a slow network").build().toString());
            assertEquals(201, comment.statusCode(), comment.body());
            assertTrue(cluster.get(cluster.url("/api/posts/" + post + "/comments")).body().contains("Over a slow network"));
        } finally {
            cluster.command("delay", "0");
        }
        TestCluster.awaitTrue("every node to read without the delay", Duration.ofSeconds(30), () -> TestCluster.NODES.stream()
                .allMatch(node -> cluster.get(cluster.nodeUrl(node, "/api/posts/" + post)).statusCode() == 200));
        TestCluster.awaitTrue("the nodes to connect from their own hosts again", Duration.ofSeconds(30),
                () -> nodeClients().equals(TestCluster.NODES.stream().map(cluster::host).collect(Collectors.toSet())));
    }

    /** The addresses PostgreSQL sees the nodes' connections come from. */
    private static Set<String> nodeClients() {
        return new TreeSet<>(StandardDataset.texts(cluster, """
                SELECT DISTINCT host(client_addr) FROM pg_stat_activity WHERE application_name LIKE 'soundwave-node%'"""));
    }

    /** The node's readiness check of the data grid (status, members, error). */
    private static JsonObject gridCheck(String node) {
        JsonObject readiness = json(cluster.get(cluster.nodeUrl(node, "/health/ready")));
        JsonObject check = readiness.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals("hazelcast")).findFirst()
                .orElseThrow(() -> new AssertionError(node + " has no data grid check: " + readiness));
        return Json.createObjectBuilder(check.getJsonObject("data")).add("status", check.getString("status")).build();
    }

    private static double metric(String node, String name) {
        return cluster.get(cluster.nodeUrl(node, "/metrics")).body().lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    /** The network namespace a process runs in, e.g. "net:[4026532281]". */
    private static String networkStack(long pid) throws IOException {
        return Files.readSymbolicLink(Path.of("/proc/" + pid + "/ns/net")).toString();
    }
}
