package org.soundwave.platform.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.soundwave.platform.StandardDataset;
import org.soundwave.platform.TestCluster;

/** What operators see: each node's /metrics, bin/cluster status's cluster view, request ids in both logs. */
class ObservabilityIT {

    private static TestCluster cluster;

    @BeforeAll
    static void cluster() {
        cluster = StandardDataset.cluster();
    }

    @Test
    void eachNodeExposesRequestJvmPoolCacheAndOrderQueueMetrics() {
        String before = metrics("node2");
        double served = value(before, "soundwave_http_requests_seconds_count", "endpoint=\"/posts/{id}\",method=\"GET\"");
        assertEquals(200, cluster.get(cluster.nodeUrl("node2", "/posts/3")).statusCode());
        assertEquals(200, cluster.get(cluster.nodeUrl("node2", "/posts/4")).statusCode());
        assertEquals(404, cluster.get(cluster.nodeUrl("node2", "/no-such-page-" + System.nanoTime())).statusCode());

        String text = metrics("node2");
        assertEquals(served + 2, value(text, "soundwave_http_requests_seconds_count", "endpoint=\"/posts/{id}\",method=\"GET\""),
                "both post pages counted under one endpoint");
        assertTrue(value(text, "soundwave_http_requests_seconds_sum", "endpoint=\"/posts/{id}\",method=\"GET\"") > 0);
        assertTrue(value(text, "soundwave_http_requests_seconds_count", "endpoint=\"unmatched\"") >= 1,
                "a path nothing answered is 'unmatched', not a series of its own");
        assertEquals(0, value(text, "soundwave_http_requests_active", ""), "the scrape itself is not counted");
        assertTrue(value(text, "soundwave_http_responses_total", "status=\"4xx\"") >= 1);
        assertTrue(value(text, "memory_usedHeap_bytes", "") > 0, "JVM heap");
        assertTrue(text.contains("gc_total{"), "garbage collections");
        assertTrue(text.contains("gc_time_seconds_total{"), "time in garbage collection");
        assertEquals(32, value(text, "soundwave_db_pool_max", ""), "the pool's maximum, as the datasource declares it");
        assertTrue(value(text, "soundwave_db_connections", "state=\"idle\"") >= 1, "the pool's idle connections, as PostgreSQL sees them");
        assertTrue(text.contains("soundwave_db_connections{mp_scope=\"application\",state=\"active\"}"));
        assertTrue(text.contains("soundwave_cache_hits_total{cache=\"page\""), "cache statistics");
        long queued = StandardDataset.single(cluster, "SELECT count(*) FROM order_job");
        assertEquals(queued, value(text, "soundwave_orders_queue_depth", ""), "the order queue's depth");
        assertTrue(text.contains("soundwave_orders_queue_oldest_seconds{"));
    }

    @Test
    void statusShowsTheClusterViewOfEveryNode() {
        List<String> lines = cluster.command("status").lines().toList();
        int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("NODE ") && l.contains("REQUESTS")).findFirst()
                .orElseThrow(() -> new AssertionError("no metrics table:\n" + String.join("\n", lines))));
        for (String node : TestCluster.NODES) {
            String row = lines.subList(header, lines.size()).stream().filter(l -> l.startsWith(node + " ")).findFirst()
                    .orElseThrow(() -> new AssertionError(node + " missing from the cluster view:\n" + String.join("\n", lines)));
            List<String> columns = List.of(row.trim().split("\\s+"));
            assertEquals(9, columns.size(), row);
            assertTrue(Long.parseLong(columns.get(1)) >= 0 && Long.parseLong(columns.get(4)) > 0, "requests and heap: " + row);
            assertEquals("32", columns.get(7), "pool maximum: " + row);
        }
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("order queue: ")), String.join("\n", lines));
    }

    @Test
    void httpdAssignsARequestIdThatTheNodeLogsWithTheRequest() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(cluster.url("/posts/5")))
                .header("X-Request-Id", "made-up-by-the-client").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        String id = response.headers().firstValue("X-Request-Id").orElseThrow(() -> new AssertionError("no X-Request-Id"));
        assertNotEquals("made-up-by-the-client", id, "httpd replaces a client's id with its own");
        String node = TestCluster.servedBy(response);

        Path access = cluster.runDir().resolve("httpd/access.log");
        Path nodeLog = cluster.runDir().resolve("nodes/" + node + "/node.log");
        TestCluster.awaitTrue("httpd's access log line with the id and route", Duration.ofSeconds(10),
                () -> readAll(access).contains("\"GET /posts/5 HTTP/1.1\" 200 ") && readAll(access).contains("id=" + id + " route=" + node));
        TestCluster.awaitTrue(node + "'s request log line with the same id", Duration.ofSeconds(10),
                () -> readAll(nodeLog).contains("id=" + id + " node=" + node + " method=GET path=/posts/5 status=200 ms="));
    }

    private static String metrics(String node) {
        HttpResponse<String> response = cluster.get(cluster.nodeUrl(node, "/metrics"));
        assertEquals(200, response.statusCode());
        return response.body();
    }

    /** The value of the one series of a metric whose labels contain the given text. */
    private static double value(String text, String metric, String labels) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(metric) + "\\{(.*)\\} (\\S+)$").matcher(text);
        while (m.find()) {
            if (m.group(1).contains(labels)) {
                return Double.parseDouble(m.group(2));
            }
        }
        return 0;
    }

    @Test
    void underTrafficEveryLogRotatesAndKeepsWithinItsBound() {
        long bound = (long) TestCluster.LOG_ROTATE_KB * 1024;
        List<Path> logs = List.of(cluster.runDir().resolve("nodes/node1/node.log"), cluster.runDir().resolve("httpd/access.log"));
        Set<String> seen = new TreeSet<>();
        // On kept-alive connections: the logs fill at the box's pace, not at that of a new connection (and a
        // forwarder process) per request. httpd logs every request, node1 half of those through the balancer,
        // so some go to node1 directly too (not routed there by a session cookie: byrequests counts sticky
        // requests, and a flood of them would leave the balancer skewed for the tests after this one).
        ApacheBench load = ApacheBench.start(6, cluster.url("/api/posts/5"), List.of("-k"));
        ApacheBench direct = ApacheBench.start(2, cluster.nodeUrl("node1", "/api/posts/5"), List.of("-k"));
        try {
            TestCluster.awaitTrue("more files than are kept to have been written for node1's log and httpd's access log",
                    Duration.ofMinutes(4), () -> {
                        logs.forEach(log -> files(log).forEach(f -> seen.add(f.toString())));
                        return logs.stream().allMatch(log -> seen.stream().filter(f -> f.startsWith(log + ".")).count() > TestCluster.LOG_FILES);
                    });
        } finally {
            ApacheBench.Totals balanced;
            ApacheBench.Totals toNode1;
            try {
                balanced = load.stop();
            } finally {
                toNode1 = direct.stop();
            }
            assertEquals(0, balanced.failed(), balanced.output());
            assertEquals(0, toNode1.failed(), toNode1.output());
        }
        for (Path log : logs) {
            // rotatelogs runs its -p program (bin/lib/prune-logs) without waiting for it: the last rotation's
            // pruning may still be under way when the traffic stops.
            TestCluster.awaitTrue(log + " keeps at most " + TestCluster.LOG_FILES + " files", Duration.ofSeconds(10),
                    () -> files(log).size() <= TestCluster.LOG_FILES);
            List<Path> kept = files(log);
            for (Path file : kept) {
                // rotatelogs starts a new file once a write has taken one past the size: at most one write over it
                assertTrue(size(file) <= bound + 128 * 1024, file + " is " + size(file) + " bytes");
            }
            assertTrue(Files.exists(log), log + " names the current file");
            assertTrue(kept.stream().anyMatch(f -> isSameFile(f, log)), log + " is one of the kept files");
        }
    }

    /** The files of a rotated log: <log>.<seconds>. */
    private static List<Path> files(Path log) {
        try (Stream<Path> files = Files.list(log.getParent())) {
            return files.filter(f -> f.getFileName().toString().matches(Pattern.quote(log.getFileName().toString()) + "\\.[0-9]+"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;   // pruned meanwhile
        }
    }

    private static boolean isSameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /** Every kept file of a rotated log, oldest first. */
    private static String readAll(Path log) {
        StringBuilder text = new StringBuilder();
        for (Path file : files(log)) {
            try {
                text.append(Files.readString(file));
            } catch (IOException prunedMeanwhile) {
                // the oldest file went while we read: what it held is older than what we look for
            }
        }
        return text.toString();
    }
}
