package org.soundwave.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
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

    /**
     * A second, one-node cluster on ports of its own (the shared one keeps running), from nothing: its first
     * up loads the demo data into the new database, a second up leaves the data alone, and down stops every
     * process it started and frees the ports.
     */
    @Test
    void aNewClusterComesUpWithDemoDataASecondUpLeavesItAloneAndDownStopsEverything() throws IOException, InterruptedException, SQLException {
        Path runDir = Path.of(System.getProperty("soundwave.it.run.dir", "target/it-cluster")).resolveSibling("it-down-cluster");
        deleteTree(runDir);   // a new cluster: no database yet
        TestCluster small = TestCluster.custom(runDir, 18380, 18381, 15981, 15435);
        String first = small.command("up", "--nodes", "1", "--standby", "0");
        Map<String, Long> pids = small.pids();
        assertEquals(3, pids.size(), "httpd, PostgreSQL and node1 recorded: " + pids);
        assertEquals(200, small.get(small.url("/health/ready")).statusCode());

        assertTrue(first.contains("loading the demo data") && first.contains("user0001"), first);
        assertEquals(300, StandardDataset.single(small, "SELECT count(*) FROM post"));
        assertTrue(StandardDataset.single(small, "SELECT count(*) FROM comment") > 0);
        assertEquals(60, StandardDataset.single(small, "SELECT count(*) FROM product"));
        assertEquals(0, StandardDataset.single(small, "SELECT count(*) FROM product WHERE image_id IS NULL"), "every product has a picture");
        assertFalse(small.get(small.url("/")).body().contains("No posts yet."), "the home page shows the demo posts");
        long picture = StandardDataset.single(small, "SELECT min(image_id) FROM product");
        HttpResponse<byte[]> image = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(small.url("/images/" + picture))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, image.statusCode());
        assertEquals("image/png", image.headers().firstValue("Content-Type").orElse(""));
        assertTrue(Http.token(small, "user0001", "password").length() > 20, "a demo member signs in");

        try (Connection db = StandardDataset.db(small); Statement change = db.createStatement()) {
            change.executeUpdate("DELETE FROM post WHERE id = (SELECT max(id) FROM post)");
        }
        String second = small.command("up", "--nodes", "1", "--standby", "0");
        assertFalse(second.contains("demo data"), "an existing database is never touched: " + second);
        assertEquals(299, StandardDataset.single(small, "SELECT count(*) FROM post"), "the second up left the data as it was");

        small.command("down");

        pids.forEach((what, pid) -> assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false),
                what + " (PID " + pid + ") still running"));
        for (int port : List.of(18380, 18380 + 363, 18381, 15981, 15435)) {   // 18380 + 363: its HTTPS
            assertFalse(listening(port), "port " + port + " still open");
        }
        try (Stream<Path> files = Files.walk(runDir)) {
            assertEquals(List.of(), files.filter(f -> f.toString().endsWith(".pid")).toList(), "PID files left");
        }
    }

    /**
     * bin/cluster up --hosts creates a bridge and a network namespace per host as it goes; when it fails
     * half-way (here PostgreSQL cannot be created), down still removes every namespace and link it made.
     */
    @Test
    void downRemovesEveryHostAndLinkEvenAfterAFailedUpOnHosts() throws IOException {
        Path runDir = Path.of(System.getProperty("soundwave.it.run.dir", "target/it-cluster")).resolveSibling("it-hosts-cluster");
        deleteTree(runDir);
        TestCluster hosts = TestCluster.onHosts(runDir, 18480, 18481, 15991, 15436, "198.18.2", "swc");
        try {
            TestCluster.Result up = hosts.run(Map.of("SOUNDWAVE_PG_BIN", runDir.resolve("no-postgres").toString()),
                    "bin/cluster", "up", "--nodes", "1", "--standby", "0", "--empty");
            assertNotEquals(0, up.exitCode(), up.output());
            assertTrue(up.output().contains("initdb failed"), up.output());
            assertEquals(List.of("swc-db", "swc-lb", "swc-node1"), namespaces("swc-"), "made before it failed: " + up.output());
            assertEquals(List.of("swc-br", "swc-db", "swc-lb", "swc-node1"), links("swc-"));
            assertTrue(ip("-n", "swc-node1", "-4", "-o", "addr", "show", "dev", "eth0").contains("198.18.2.11/24"), "node1's host has its address");
        } finally {
            hosts.command("down");
        }
        assertEquals(List.of(), namespaces("swc-"), "namespaces left");
        assertEquals(List.of(), links("swc-"), "links left");
        assertFalse(ip("-4", "-o", "addr", "show").contains("198.18.2."), "an address of the hosts' network left");
    }

    private static List<String> namespaces(String prefix) {
        return ip("netns", "list").lines().map(line -> line.split(" ")[0]).filter(name -> name.startsWith(prefix)).sorted().toList();
    }

    private static List<String> links(String prefix) {
        return ip("-o", "link", "show").lines().map(line -> line.split(":\\s+")[1].split("@")[0])
                .filter(name -> name.startsWith(prefix)).sorted().toList();
    }

    private static String ip(String... args) {
        List<String> command = new ArrayList<>(List.of("ip"));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            assertEquals(0, process.waitFor(), String.join(" ", command) + ": " + output);
            return output;
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
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
