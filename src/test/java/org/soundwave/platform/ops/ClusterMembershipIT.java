package org.soundwave.platform.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.soundwave.platform.StandardDataset;
import org.soundwave.platform.TestCluster;

/** bin/cluster add-node and remove-node grow and shrink the running cluster; httpd keeps running. */
class ClusterMembershipIT {

    private static TestCluster cluster;

    @BeforeAll
    static void cluster() {
        cluster = StandardDataset.cluster();
    }

    @Test
    void anAddedNodeServesTrafficAndSharesTheCachesThenLeavesWithoutAFailedRequest() throws IOException {
        long httpd = cluster.pids().get("httpd");

        String added = cluster.command("add-node");

        assertTrue(added.contains("node4 joined"), added);
        assertEquals("Init Ok", cluster.balancerState("node4"));
        assertTrue(cluster.get(cluster.nodeUrl("node4", "/health/ready")).body().contains("\"members\":\"4\""),
                "node4 joined the data grid");
        TestCluster.awaitTrue("the balancer to send a request to node4", Duration.ofSeconds(30),
                () -> "node4".equals(TestCluster.servedBy(cluster.get(cluster.url("/tags/tag003")))));
        cluster.get(cluster.nodeUrl("node1", "/posts?page=9"));
        HttpResponse<String> fromGrid = cluster.get(cluster.nodeUrl("node4", "/posts?page=9"));
        assertEquals("HIT", fromGrid.headers().firstValue("X-Cache").orElse(""), "node4 reads the page node1 cached");
        assertEquals(httpd, cluster.pids().get("httpd"), "httpd was not restarted");

        long node4 = cluster.pid("node4").orElseThrow();
        ApacheBench load = ApacheBench.start(20, cluster.url("/"));
        String removed = cluster.command("remove-node");
        ApacheBench.Totals totals = load.stop();

        assertTrue(removed.contains("node4 removed"), removed);
        assertTrue(removed.contains("node4 is out of rotation"), "drained before it stopped: " + removed);
        assertEquals(0, totals.failed(), "failed requests while node4 left\n" + totals.output());
        assertEquals(0, totals.non2xx(), "non-2xx responses while node4 left\n" + totals.output());
        assertFalse(ProcessHandle.of(node4).map(ProcessHandle::isAlive).orElse(false), "node4 stopped");
        assertTrue(cluster.balancerState("node4").startsWith("Init Dis"), cluster.balancerState("node4"));
        assertFalse(Files.readString(cluster.runDir().resolve("nodes.conf")).contains("node4"));
        TestCluster.awaitTrue("the grid to shrink back to three members", Duration.ofSeconds(30),
                () -> cluster.get(cluster.nodeUrl("node1", "/health/ready")).body().contains("\"members\":\"3\""));
        assertEquals(httpd, cluster.pids().get("httpd"), "httpd was not restarted");
        cluster.awaitBalanced(TestCluster.NODES);
        for (int i = 0; i < 10; i++) {
            assertTrue(List.of("node1", "node2").contains(TestCluster.servedBy(cluster.get(cluster.url("/")))));
        }
    }
}
