package org.soundwave.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.soundwave.platform.TestCluster.servedBy;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Health endpoints, the drain switch, the data grid, migrations and the node header, on the real cluster. */
class HealthIT {

    private static TestCluster cluster;

    @BeforeAll
    static void cluster() {
        cluster = TestCluster.get();
    }

    @AfterEach
    void liftDrains() {
        cluster.command("undrain", "node2");
        cluster.command("undrain", "all");
        cluster.awaitBalanced(TestCluster.NODES);
    }

    @Test
    void readinessLivenessAndStartupReportTheirChecks() {
        HttpResponse<String> ready = cluster.get(cluster.url("/health/ready"));
        assertEquals(200, ready.statusCode());
        String body = ready.body();
        assertTrue(body.startsWith("{\"status\":\"UP\""), body);
        for (String check : List.of("database", "hazelcast", "drain", "web")) {
            assertTrue(body.contains("\"name\":\"" + check + "\",\"status\":\"UP\""), check + " in " + body);
        }
        HttpResponse<String> live = cluster.get(cluster.url("/health/live"));
        assertEquals(200, live.statusCode());
        assertTrue(live.body().contains("\"name\":\"threads\",\"status\":\"UP\""), live.body());
        HttpResponse<String> started = cluster.get(cluster.url("/health/started"));
        assertEquals(200, started.statusCode());
        assertTrue(started.body().contains("\"name\":\"schema\",\"status\":\"UP\""), started.body());
    }

    @Test
    void everyNodeSeesTheSameDataGridOfAllThreeNodes() {
        Set<String> views = new HashSet<>();
        for (String node : TestCluster.NODES) {
            String body = cluster.get(cluster.nodeUrl(node, "/health/ready")).body();
            assertEquals("3", field(body, "members"), node + " sees " + body);
            assertEquals("soundwave-it", field(body, "clusterName"));
            views.add(field(body, "addresses"));
        }
        String expected = String.join(",", TestCluster.NODES.stream()
                .map(n -> cluster.host(n) + ":" + cluster.hazelcastPort(n)).sorted().toList());
        assertEquals(Set.of(expected), views, "all nodes agree on the members");
    }

    @Test
    void drainTakesANodeOutOfRotationWithoutStoppingItAndUndrainBringsItBack() {
        cluster.command("drain", "node2", "maintenance");

        HttpResponse<String> drained = cluster.get(cluster.nodeUrl("node2", "/health/ready"));
        assertEquals(503, drained.statusCode());
        assertTrue(drained.body().contains("\"name\":\"drain\",\"status\":\"DOWN\""), drained.body());
        assertTrue(drained.body().contains("maintenance"), drained.body());
        assertEquals(200, cluster.get(cluster.nodeUrl("node2", "/")).statusCode(), "a drained node still serves");

        TestCluster.awaitTrue("httpd to stop routing to node2", Duration.ofSeconds(30),
                () -> cluster.balancerState("node2").contains("HcFl"));
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> response = cluster.get(cluster.url("/"));
            assertEquals(200, response.statusCode());
            assertEquals("node1", servedBy(response), "request " + i + " while node2 is drained");
        }

        cluster.command("undrain", "node2");
        cluster.awaitBalanced(List.of("node2"));
        Set<String> served = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            served.add(servedBy(cluster.get(cluster.url("/"))));
        }
        assertEquals(Set.of("node1", "node2"), served);
    }

    @Test
    void drainingAllNodesTurnsEveryReadinessDown() {
        cluster.command("drain", "all");
        for (String node : TestCluster.NODES) {
            assertEquals(503, cluster.get(cluster.nodeUrl(node, "/health/ready")).statusCode(), node);
        }
        cluster.command("undrain", "all");
        for (String node : TestCluster.NODES) {
            assertEquals(200, cluster.get(cluster.nodeUrl(node, "/health/ready")).statusCode(), node);
        }
    }

    @Test
    void everyResponseNamesTheNodeThatServedIt() {
        for (String path : List.of("/", "/visit", "/no-such-page", "/health/ready", "/health/live")) {
            HttpResponse<String> response = cluster.get(cluster.url(path));
            assertTrue(servedBy(response).matches("node[12]"), path + " -> " + response.headers().map());
        }
        for (String node : TestCluster.NODES) {
            assertEquals(node, servedBy(cluster.get(cluster.nodeUrl(node, "/"))), "direct to " + node);
        }
    }

    @Test
    void anUnknownPageIsAReadable404NotAStackTrace() {
        HttpResponse<String> response = cluster.get(cluster.url("/no-such-page"));
        assertEquals(404, response.statusCode());
        assertTrue(response.body().contains("Page not found"), response.body());
        assertFalse(response.body().contains("Exception"), response.body());
        assertFalse(response.body().contains("Payara"), response.body());
    }

    @Test
    void migrationsWereAppliedOnceAlthoughThreeNodesStartedTogether() throws SQLException {
        try (Connection db = DriverManager.getConnection(cluster.jdbcUrl(), "soundwave", cluster.dbPassword());
             Statement s = db.createStatement()) {
            try (ResultSet rs = s.executeQuery(
                    "SELECT version, count(*) FROM flyway_schema_history WHERE version IS NOT NULL GROUP BY version ORDER BY version")) {
                assertTrue(rs.next(), "no migration recorded");
                do {
                    assertEquals(1, rs.getInt(2), "migration " + rs.getString(1) + " applied more than once");
                } while (rs.next());
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM flyway_schema_history WHERE NOT success")) {
                rs.next();
                assertEquals(0, rs.getInt(1), "failed migrations");
            }
            try (ResultSet rs = s.executeQuery("SELECT to_regclass('public.node_drain') IS NOT NULL")) {
                rs.next();
                assertTrue(rs.getBoolean(1), "node_drain created by V1");
            }
        }
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(?:\"([^\"]*)\"|([0-9]+))").matcher(json);
        assertTrue(m.find(), name + " in " + json);
        return m.group(1) != null ? m.group(1) : m.group(2);
    }
}
