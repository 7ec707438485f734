package org.soundwave.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The operator's command itself: up is idempotent, status tells the truth, down leaves nothing running. */
class ClusterCommandIT {

    private static TestCluster cluster;

    @BeforeAll
    static void cluster() {
        cluster = TestCluster.get();
    }

    @Test
    void upOnARunningClusterKeepsEveryProcess() {
        Map<String, Long> before = cluster.pids();
        cluster.up();
        assertEquals(before, cluster.pids());
    }

    @Test
    void statusListsEveryNodeWithItsRoleReadinessBalancerStateAndGridSize() {
        List<String> lines = cluster.command("status").lines().toList();
        for (String node : TestCluster.NODES) {
            String line = lines.stream().filter(l -> l.startsWith(node + " ")).findFirst()
                    .orElseThrow(() -> new AssertionError(node + " missing from status:\n" + lines));
            List<String> columns = List.of(line.trim().split("\\s+"));
            assertEquals(node.equals(TestCluster.STANDBY) ? "standby" : "active", columns.get(1), line);
            assertEquals(String.valueOf(cluster.pids().get(node)), columns.get(2), line);
            assertTrue(line.contains(node.equals(TestCluster.STANDBY) ? "Init Stby Ok" : "Init Ok"), line);
            assertTrue(line.contains(" UP "), line);
            assertTrue(line.contains(" 3 members "), line);
            assertTrue(line.matches(".* 3 members +\\S.*") && !line.endsWith(" -"), "the build it runs: " + line);
        }
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("httpd:") && l.contains("PID")), String.join("\n", lines));
    }

    /** A second, one-node cluster on ports of its own, so the shared one keeps running. */
    @Test
    void downStopsEveryProcessItStartedAndFreesThePorts() throws IOException {
        Path runDir = Path.of(System.getProperty("soundwave.it.run.dir", "target/it-cluster")).resolveSibling("it-down-cluster");
        TestCluster small = TestCluster.custom(runDir, 18380, 18381, 15981, 15435);
        small.command("up", "--nodes", "1", "--standby", "0");
        Map<String, Long> pids = small.pids();
        assertEquals(3, pids.size(), "httpd, PostgreSQL and node1 recorded: " + pids);
        assertEquals(200, small.get(small.url("/health/ready")).statusCode());

        small.command("down");

        pids.forEach((what, pid) -> assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false),
                what + " (PID " + pid + ") still running"));
        for (int port : List.of(18380, 18381, 15981, 15435)) {
            assertFalse(listening(port), "port " + port + " still open");
        }
        try (Stream<Path> files = Files.walk(runDir)) {
            assertEquals(List.of(), files.filter(f -> f.toString().endsWith(".pid")).toList(), "PID files left");
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
