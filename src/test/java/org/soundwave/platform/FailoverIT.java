package org.soundwave.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.soundwave.platform.TestCluster.servedBy;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Both active nodes die (kill -9): the hot standby steps in, and {@code bin/cluster up} run at once, while the
 * killed JVMs may still be tearing down or waiting to be reaped, starts them again. What one node's death must
 * not lose is NodeDeathIT's.
 */
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

    @Test
    void theStandbyServesWhenBothActiveNodesAreDownAndUpRightAfterTheKillStartsThemAgain() {
        assertEquals(0, countServedBy(TestCluster.STANDBY, 20), "the standby idles while actives are up");

        cluster.killWithoutWaiting("node1", "node2");
        CompletableFuture<TestCluster.Result> up = CompletableFuture.supplyAsync(() -> cluster.run("bin/cluster", "up"));

        TestCluster.awaitTrue("the standby to take over", Duration.ofSeconds(30),
                () -> TestCluster.STANDBY.equals(servedBy(cluster.get(cluster.url("/")))));
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> response = cluster.get(cluster.url("/"));
            assertEquals(200, response.statusCode(), "request " + i + " with only the standby alive");
            assertEquals(TestCluster.STANDBY, servedBy(response));
        }
        TestCluster.Result restarted = up.join();
        assertEquals(0, restarted.exitCode(), "up right after the kill:\n" + restarted.output());
        assertTrue(restarted.output().contains("starting node1") && restarted.output().contains("starting node2"),
                "up took the killed nodes for dead and started them:\n" + restarted.output());
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
