package org.soundwave.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.soundwave.platform.PageVisitor;
import org.soundwave.platform.TestCluster;

/**
 * The nodes' operator endpoints answer operators only: through the balancer, /metrics and the detailed
 * health checks answer this machine's addresses and refuse every other client with 403, while the site
 * answers it; /visit shows the data grid's addresses to administrators only. The other client is a host of
 * the test cluster's network (the database's), as a visitor from elsewhere would be.
 */
class OperatorEndpointsIT {

    private static TestCluster cluster;

    @BeforeAll
    static void start() {
        cluster = TestCluster.get();
    }

    /** Status code and body of a GET through the balancer sent from the database's host, not an operator's address. */
    private static String[] fromElsewhere(String path) {
        String out = cluster.onHost("db", "curl", "-s", "-m", "10", "-w", "\n%{http_code}", cluster.balancerOnHostsNet(path)).output();
        int last = out.lastIndexOf('\n');
        return new String[] {out.substring(last + 1).strip(), out.substring(0, Math.max(0, last))};
    }

    @Test
    void metricsAndHealthAnswerOperatorsOnlyThroughTheBalancer() throws Exception {
        assertEquals("200", fromElsewhere("/")[0], "the site answers the other host");
        for (String path : List.of("/metrics", "/metrics/application", "/health", "/health/ready", "/health/live", "/health/started")) {
            String[] answer = fromElsewhere(path);
            assertEquals("403", answer[0], path + " from another host: " + answer[1]);
            assertFalse(answer[1].contains("soundwave_") || answer[1].contains("\"checks\""), path + " leaked: " + answer[1]);
        }
        assertEquals(200, cluster.get(cluster.url("/metrics")).statusCode(), "an operator on this machine reads them");
        assertEquals(200, cluster.get(cluster.url("/health/ready")).statusCode());
    }

    @Test
    void theVisitPageShowsTheGridsAddressesToAdministratorsOnly() throws Exception {
        String[] visit = fromElsewhere("/visit");
        assertEquals("200", visit[0]);
        assertTrue(visit[1].contains("id=\"grid-size\""), "the number of members is shown: " + visit[1]);
        assertFalse(visit[1].contains("grid-members"), "no member list for a visitor");
        for (String node : TestCluster.NODES) {
            assertFalse(visit[1].contains(cluster.host(node) + ":" + cluster.hazelcastPort(node)), node + "'s grid address shown to a visitor");
        }
        PageVisitor admin = new PageVisitor();
        admin.signIn(cluster.url(""), "admin", Files.readString(cluster.secret("admin-password")).trim());
        String page = admin.get(cluster.url("/visit")).body();
        assertTrue(page.contains("id=\"grid-members\""), "the administrator sees the members: " + page);
        assertTrue(page.contains(cluster.host("node1") + ":" + cluster.hazelcastPort("node1")), page);
    }
}
