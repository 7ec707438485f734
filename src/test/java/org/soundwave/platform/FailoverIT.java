package org.soundwave.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.soundwave.platform.TestCluster.servedBy;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Both active nodes die (kill -9): the hot standby steps in. What one node's death must not lose is NodeDeathIT's. */
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
